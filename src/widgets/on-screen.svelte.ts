/**
 * The world's revision as a widget on screen needs it. A widget that shows the world (trail,
 * explorer, file list, console page) re-reads it after every change; after hours of use that is
 * thousands of reads for widgets nobody is looking at, each one queued between the learner's
 * commands. `ScreenRevision.current` follows the session's revision while the widget is on screen
 * (or near it) and stands still while it is off screen; when the widget comes back it catches up
 * once, so what the learner sees is always the world as it is now.
 */
import type { WorldSession } from './world-session.svelte.ts';

/** How far outside the viewport a widget still counts as on screen (it is fresh by the time it scrolls in). */
export const ON_SCREEN_MARGIN = '600px';

/** Whether an element is on screen, as reactive state; true until measured (and where nothing can measure). */
export class OnScreen {
  visible = $state(true);

  /** Watches `element` (a Svelte attachment: `{@attach onScreen.attach}`); answers the teardown. */
  attach = (element: Element): (() => void) | undefined => {
    if (typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        const last = entries.at(-1);
        if (last) this.visible = last.isIntersecting;
      },
      { rootMargin: ON_SCREEN_MARGIN },
    );
    observer.observe(element);
    return () => observer.disconnect();
  };
}

/** A session's revision that stands still while the widget is off screen (see the file comment). */
export class ScreenRevision {
  readonly onScreen = new OnScreen();
  readonly session: WorldSession;
  #seen = 0;
  /** Read it in the effect that refreshes the widget. */
  readonly current: number = $derived.by(() => {
    // Off screen, only `visible` is read: changes to the world do not even re-run the effect.
    if (this.onScreen.visible) this.#seen = this.session.revision;
    return this.#seen;
  });

  constructor(session: WorldSession) {
    this.session = session;
  }

  /** Attach to the widget's root element: `{@attach revision.attach}`. */
  get attach(): (element: Element) => (() => void) | undefined {
    return this.onScreen.attach;
  }
}
