// @vitest-environment happy-dom
/**
 * A widget off screen does not re-read the world after every command: its ScreenRevision stands
 * still while the IntersectionObserver says it is out of view, and catches up exactly once when it
 * comes back (so what the learner sees is the world as it is now). The guard for the long-session
 * target of `npm run bench` that is not a timing test.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';

vi.mock('../../../src/worker/client.ts', () => ({
  withSimulator: () => Promise.resolve({ ok: true, value: undefined }),
  onRestart: () => () => undefined,
}));

const { ScreenRevision } = await import('../../../src/widgets/on-screen.svelte.ts');
const { WorldSession } = await import('../../../src/widgets/world-session.svelte.ts');
const { refreshProbe } = await import('./refresh-probe.svelte.ts');

/** A stand-in IntersectionObserver the test drives by hand. */
class FakeObserver {
  static last: FakeObserver | undefined;
  readonly callback: (entries: { isIntersecting: boolean }[]) => void;
  observed: Element[] = [];
  disconnected = false;
  constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
    this.callback = callback;
    FakeObserver.last = this;
  }
  observe(element: Element): void {
    this.observed.push(element);
  }
  disconnect(): void {
    this.disconnected = true;
  }
  show(isIntersecting: boolean): void {
    this.callback([{ isIntersecting }]);
    flushSync();
  }
}

afterEach(() => vi.unstubAllGlobals());

/** A widget's refresh effect on a session: counts its runs. */
function widget(session: InstanceType<typeof WorldSession>) {
  const revision = new ScreenRevision(session);
  const element = document.createElement('section');
  const { seen, stop } = refreshProbe(() => revision.current);
  flushSync();
  const detach = revision.attach(element);
  return { seen, element, stop: () => (stop(), detach?.()) };
}

describe('ScreenRevision', () => {
  it('stands still off screen and catches up once when the widget comes back', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const session = new WorldSession('on-screen-a');
    const w = widget(session);
    const observer = FakeObserver.last!;
    expect(observer.observed).toEqual([w.element]);
    observer.show(true);
    session.revision++;
    flushSync();
    expect(w.seen).toEqual([0, 1]); // on screen: every change refreshes

    observer.show(false);
    for (let i = 0; i < 50; i++) {
      session.revision++;
      flushSync();
    }
    expect(w.seen).toEqual([0, 1]); // fifty commands off screen: no refresh at all

    observer.show(true);
    expect(w.seen).toEqual([0, 1, 51]); // back on screen: one refresh, to the world as it is now
    observer.show(false);
    observer.show(true);
    expect(w.seen).toEqual([0, 1, 51]); // nothing changed meanwhile: no refresh
    w.stop();
    expect(observer.disconnected).toBe(true);
  });

  it('refreshes after every change where nothing can tell whether it is on screen', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const session = new WorldSession('on-screen-b');
    const w = widget(session);
    session.revision++;
    flushSync();
    session.revision++;
    flushSync();
    expect(w.seen).toEqual([0, 1, 2]);
    w.stop();
  });
});
