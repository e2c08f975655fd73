// linkedom as carried by patches/ (no listener map per node until one is added): events still work.
import { Event, parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';

describe('linkedom events with listener maps created on demand', () => {
  const setup = () => {
    const { document } = parseHTML('<html><body><div id="outer"><p id="inner">text</p></div></body></html>');
    const outer = document.getElementById('outer');
    const inner = document.getElementById('inner');
    if (!outer || !inner) throw new Error('fixture did not parse');
    return { outer, inner };
  };

  it('delivers a bubbling event to the target and then its ancestors', () => {
    const { outer, inner } = setup();
    const seen: string[] = [];
    const idOf = (t: unknown): string => (t && typeof t === 'object' && 'id' in t ? String(t.id) : '');
    inner.addEventListener('ping', (e: { target: unknown }) => seen.push(`inner:${idOf(e.target)}`));
    outer.addEventListener('ping', (e: { target: unknown }) => seen.push(`outer:${idOf(e.target)}`));
    inner.dispatchEvent(new Event('ping', { bubbles: true }));
    expect(seen).toEqual(['inner:inner', 'outer:inner']);
  });

  it('removes listeners, honours once, and dispatches on a node that never had one', () => {
    const { outer, inner } = setup();
    let calls = 0;
    const listener = (): void => { calls += 1; };
    expect(inner.dispatchEvent(new Event('ping'))).toBe(true);
    outer.removeEventListener('ping', listener);
    inner.addEventListener('ping', listener);
    inner.dispatchEvent(new Event('ping'));
    inner.removeEventListener('ping', listener);
    inner.dispatchEvent(new Event('ping'));
    outer.addEventListener('ping', listener, { once: true });
    outer.dispatchEvent(new Event('ping'));
    outer.dispatchEvent(new Event('ping'));
    expect(calls).toBe(2);
  });
});
