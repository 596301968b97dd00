/**
 * The saved-world schema as the browser modules import it: the scenario module's (src/sim/scenario),
 * with zod's JIT turned off first (the site's Content-Security-Policy forbids eval).
 */
import '../security/zod-jitless.ts';

export {
  MAX_JOURNAL_OPS,
  MAX_LINE_CHARS,
  MAX_STORED_OPS,
  worldJournalSchema,
  worldStartSchema,
  journalOpSchema,
  runOpSchema,
} from '../sim/scenario/schema.ts';
export { readScenario, droppedInWords, type DroppedOp, type ScenarioError, type ScenarioRead } from '../sim/scenario/read.ts';
