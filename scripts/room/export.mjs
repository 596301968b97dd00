// @ts-check
/**
 * The room as CSV: one row per learner and exercise they touched, with the same statuses the
 * dashboard shows (src/room/summary.ts), for a spreadsheet after the workshop.
 */
import { buildCells, cellStatus } from '../../src/room/summary.ts';

const COLUMNS = [
  'learner_id',
  'name',
  'source',
  'lesson',
  'exercise',
  'status',
  'started_at',
  'completed_at',
  'check_runs',
  'failing_now',
  'hints',
  'solution_shown',
  'instructor_mode',
  'commands',
  'completion_proven',
];

/**
 * @param {import('../../src/room/protocol.ts').RoomSnapshot} snapshot @param {number} now
 * @returns {string}
 */
export function roomCsv(snapshot, now) {
  const names = new Map(snapshot.learners.map((l) => [l.id, l]));
  const rows = [COLUMNS.join(',')];
  for (const cell of buildCells(snapshot.events).values()) {
    const learner = names.get(cell.learner);
    const latest = cell.checks[cell.checks.length - 1];
    rows.push(
      [
        cell.learner,
        learner?.name ?? '',
        learner?.source ?? '',
        cell.lesson,
        cell.exercise,
        cellStatus(cell, now),
        cell.startedAt ?? '',
        cell.completed?.at ?? '',
        cell.checks.length,
        latest ? latest.failing.map((f) => f.id).join(' ') : '',
        cell.hints,
        cell.completed?.solutionShown ?? cell.solutionShown,
        cell.completed?.instructorMode ?? '',
        cell.completed?.commands ?? cell.commands.length,
        cell.completed ? cell.completed.verified : '',
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** One CSV field (RFC 4180 quoting; a leading =+-@ is prefixed so spreadsheets do not run it as a formula). @param {unknown} value */
function csvField(value) {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
