/**
 * Which exercise a page's named world is set up for, and where each Exercise widget sits on the
 * page. A terminal asks it which exercise its commands count for: the learner types beside an
 * exercise, so the exercise nearest above the terminal is the one they mean (learners review,
 * MAJOR-1: commands typed before pressing Start silently did not count).
 */

/** Which exercise each named world of the page is set up for (shared by the page's widgets). */
export const activeByWorld: Record<string, string | undefined> = $state({});

/** What a terminal needs to know about one Exercise widget. */
export interface RegisteredExercise {
  /** The exercise id. */
  readonly id: string;
  /** "Exercise 2: Watch a new user get denied". */
  readonly heading: string;
  /** The widget's element, for document order and for linking to it. */
  readonly element: HTMLElement;
  /** True once every check passed (now or in an earlier visit). */
  readonly done: boolean;
  /** True when this exercise continues in the world of the one before it. */
  readonly continues: boolean;
  /** The id of the exercise before it in the lesson, if any. */
  readonly previousId: string | undefined;
  /** Sets the world up for this exercise (as its Start button does). */
  start(): Promise<void>;
}

// A plain Map on purpose: `changes` below is the reactive signal, the lists are not rendered.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const registered = new Map<string, RegisteredExercise[]>();
/** Bumped on every registration, so that what terminals show follows widgets mounting. */
const changes = $state({ count: 0 });

/** Registers an Exercise widget of `world`; returns the function that removes it. */
export function registerExercise(world: string, entry: RegisteredExercise): () => void {
  const list = registered.get(world) ?? [];
  list.push(entry);
  registered.set(world, list);
  changes.count++;
  return () => {
    const now = registered.get(world) ?? [];
    registered.set(
      world,
      now.filter((e) => e !== entry),
    );
    changes.count++;
  };
}

/** The exercise the world is set up for, if its widget is on the page. */
export function activeExercise(world: string): RegisteredExercise | undefined {
  void changes.count;
  const id = activeByWorld[world];
  return registered.get(world)?.find((e) => e.id === id);
}

/** The exercise of `world` nearest above `element` in the page (or the first below it when none is above). */
export function nearestExercise(world: string, element: Element): RegisteredExercise | undefined {
  const list = [...(registered.get(world) ?? [])].filter((e) => e.element.isConnected);
  const above = list.filter((e) => e.element.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
  if (above.length > 0)
    return above.sort((a, b) => (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1)).at(-1);
  return list.sort((a, b) => (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
}

/**
 * What typing in a terminal beside `element` should do first. The exercise beside the terminal is
 * started for the learner when nothing is lost by it: no exercise is active yet, the active one is
 * finished, or the one beside it simply continues the active one's world. Otherwise the work in
 * progress is kept, and the terminal names the active exercise and offers to switch.
 */
export function exerciseForTerminal(world: string, element: Element): { start?: RegisteredExercise; offer?: RegisteredExercise } {
  const nearest = nearestExercise(world, element);
  if (!nearest) return {};
  const activeId = activeByWorld[world];
  if (nearest.id === activeId) return {};
  const active = activeExercise(world);
  const safe = activeId === undefined || active === undefined || active.done || (nearest.continues && nearest.previousId === activeId);
  return safe ? { start: nearest } : { offer: nearest };
}
