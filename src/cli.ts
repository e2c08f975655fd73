#!/usr/bin/env node
// Commander glue only: flags → config → pipeline → reports → exit code.
console.log('citecheck');
