/**
 * Instructor mode as Svelte 5 state, for widgets: `{#if instructorMode.enabled}` shows solutions
 * and check details. It starts from the saved switch and follows every change (toggle, URL, other tabs).
 */
import { isInstructorMode, onInstructorModeChange } from './mode.ts';

/** Reactive view of instructor mode; subscribes to changes on first construction in the browser. */
class InstructorModeState {
  /** Whether instructor mode is on. */
  enabled = $state(false);

  constructor() {
    if (typeof window === 'undefined') return; // server render: always off, the client corrects it
    this.enabled = isInstructorMode();
    onInstructorModeChange((enabled) => (this.enabled = enabled));
  }
}

/** The page's one instructor-mode state. */
export const instructorMode = new InstructorModeState();
