// The undo log behind "a failed call changes nothing": every change made through the view is put
// back, nested new values never keep a view inside the saved state, and reads cost no copies.
import { describe, expect, test } from 'vitest';
import { undoLog } from '../../../../src/sim/world/undo.ts';

describe('undoLog', () => {
  test('sets, deletes, array pushes and splices are rolled back, newest first', () => {
    const state = {
      users: { a: { name: 'a', tags: [{ Key: 'k', Value: 'v' }] } } as Record<
        string,
        { name: string; tags: { Key: string; Value: string }[] }
      >,
      n: 1,
    };
    const before = structuredClone(state);
    const log = undoLog(state);
    const view = log.view;
    view.n = 2;
    view.users['b'] = { name: 'b', tags: [] };
    view.users['a']?.tags.push({ Key: 'x', Value: 'y' });
    view.users['a']?.tags.splice(0, 1);
    delete view.users['a'];
    expect(state.n).toBe(2);
    log.rollback();
    expect(state).toEqual(before);
  });

  test('a value built from viewed parts is stored without views (the state stays cloneable)', () => {
    const state = { list: [{ id: 1 }], copy: [] as { id: number }[] };
    const log = undoLog(state);
    log.view.copy = [...log.view.list, { id: 2 }];
    expect(() => structuredClone(state)).not.toThrow();
    expect(state.copy[0]).toBe(state.list[0]);
  });

  test('the same object always has the same view; non-plain values are not viewed', () => {
    const bytes = new Uint8Array([1, 2]);
    const state = { a: { b: 1 }, bytes };
    const log = undoLog(state);
    expect(log.view.a).toBe(log.view.a);
    expect(log.view.bytes).toBe(bytes);
    expect(log.wrap(state.a)).toBe(log.view.a);
  });

  test('Object.defineProperty through the view (files with any name) is rolled back', () => {
    const state = { files: {} as Record<string, unknown> };
    const log = undoLog(state);
    Object.defineProperty(log.view.files, '__proto__', { value: { text: true }, enumerable: true, writable: true, configurable: true });
    expect(Object.keys(state.files)).toEqual(['__proto__']);
    log.rollback();
    expect(Object.keys(state.files)).toEqual([]);
  });
});
