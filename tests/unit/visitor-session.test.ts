import { describe, expect, it, vi } from 'vitest';
import { holdIdle, isIdleHeld, onIdleHoldChange, onVisitorReset, resetVisitor } from '../../exhibit/visitor/visitorSession.ts';

describe('visitor session seams', () => {
  it('runs every reset listener even when one throws, and clears idle holds', () => {
    const a = vi.fn();
    const b = vi.fn(() => {
      throw new Error('boom');
    });
    const c = vi.fn();
    const offs = [onVisitorReset(a), onVisitorReset(b), onVisitorReset(c)];
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    holdIdle('narration');
    resetVisitor();
    expect([a, b, c].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
    expect(isIdleHeld()).toBe(false);
    for (const off of offs) off();
    error.mockRestore();
  });

  it('holds idle until every hold is released, releasing twice is harmless', () => {
    const changes: boolean[] = [];
    const off = onIdleHoldChange((held) => changes.push(held));
    const r1 = holdIdle('narration');
    const r2 = holdIdle('walkthrough');
    r1();
    r1();
    expect(isIdleHeld()).toBe(true);
    r2();
    expect(isIdleHeld()).toBe(false);
    expect(changes).toEqual([true, true, true, false]);
    off();
  });
});
