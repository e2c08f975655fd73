// The worker thread's entry: the pool calls its default export with one ReadTask per fetched source.
import { readSource } from './read-source.js';

export default readSource;
