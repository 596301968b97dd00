/**
 * A request to open a world file in a Files editor (WorldFileEditor), so a panel that writes a file
 * (the generated policy) can hand it to the editor the learner edits in. A page may hold several
 * editors of one world (a lesson puts one beside each exercise): the request goes to the first one
 * after the panel in the page, else the last one before it. That editor marks the request handled
 * (and says in its own status when unsaved text keeps it from opening); an editor not started yet
 * (it starts when scrolled into view) opens the file when it starts.
 */

/** The event's name, dispatched on the chosen editor's element. */
export const OPEN_FILE_EVENT = 'dojo:open-file';

/**
 * The attribute each Files editor's element carries (WorldFileEditor.svelte writes it), naming its
 * world; it is server-rendered, so editors not started yet are found too.
 */
export const FILES_EDITOR_ATTRIBUTE = 'data-world-files';

/** What the request carries; `handled` is set by the editor that opened the file. */
export interface OpenFileRequest {
  world: string;
  name: string;
  handled: boolean;
  /** The editor asked (none: no Files editor for the world on the page). */
  editor?: Element;
}

const pending = new WeakMap<Element, string>();

/**
 * Asks the Files editor for `world` nearest after `from` to open `name` and scrolls it into view;
 * returns the request, `handled` set when the editor took it at once.
 */
export function requestOpenFile(world: string, name: string, from: Element): OpenFileRequest {
  const detail: OpenFileRequest = { world, name, handled: false };
  const editors = [...document.querySelectorAll(`[${FILES_EDITOR_ATTRIBUTE}]`)].filter(
    (editor) => editor.getAttribute(FILES_EDITOR_ATTRIBUTE) === world,
  );
  const target = editors.find((editor) => from.compareDocumentPosition(editor) & Node.DOCUMENT_POSITION_FOLLOWING) ?? editors.at(-1);
  if (!target) return detail;
  target.dispatchEvent(new CustomEvent<OpenFileRequest>(OPEN_FILE_EVENT, { detail }));
  if (detail.handled) pending.delete(target);
  else pending.set(target, name);
  // "Open in the editor" takes the learner there; an editor not started yet starts as it comes into view.
  target.scrollIntoView({ block: 'start', behavior: 'smooth' });
  return { ...detail, editor: target };
}

/** The file a request asked `editor` to open before it started (taken once). */
export function takePendingOpen(editor: Element): string | undefined {
  const name = pending.get(editor);
  pending.delete(editor);
  return name;
}
