/**
 * The saved instructor-mode switch: its localStorage key, its zod schema and a parser that never
 * throws. A missing, unreadable or wrong-shaped value means "off" and says why.
 */
import '../security/zod-jitless.ts';
import * as z from 'zod/mini';

/** localStorage key of the switch; the `v1` is the storage format version shared by the site. */
export const INSTRUCTOR_STORAGE_KEY = 'iam-dojo:v1:instructor';

/** The URL query parameter that turns the mode on or off: `?instructor=on` / `?instructor=off`. */
export const INSTRUCTOR_URL_PARAMETER = 'instructor';

/** What is saved under INSTRUCTOR_STORAGE_KEY. */
export const instructorSettingsSchema = z.strictObject({
  /** Format version of this entry; a different version is ignored (treated as off). */
  version: z.literal(1),
  /** True when instructor mode is on: solutions and check details shown, presenter-size type. */
  enabled: z.boolean(),
});

/** The saved switch, validated. */
export type InstructorSettings = z.infer<typeof instructorSettingsSchema>;

/** The result of reading the saved switch: the settings, plus the reason when the value was rejected. */
export interface ParsedInstructorSettings {
  /** The settings to use (off when nothing valid was saved). */
  settings: InstructorSettings;
  /** Why a saved value was ignored, when it was. */
  problem?: 'INSTRUCTOR_SETTINGS_NOT_JSON' | 'INSTRUCTOR_SETTINGS_INVALID';
}

const OFF: InstructorSettings = { version: 1, enabled: false };

/** Parses the raw saved text (null when nothing is saved) without ever throwing. */
export function parseInstructorSettings(raw: string | null): ParsedInstructorSettings {
  if (raw === null) return { settings: OFF };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { settings: OFF, problem: 'INSTRUCTOR_SETTINGS_NOT_JSON' };
  }
  const parsed = instructorSettingsSchema.safeParse(data);
  return parsed.success ? { settings: parsed.data } : { settings: OFF, problem: 'INSTRUCTOR_SETTINGS_INVALID' };
}

/** Reads `?instructor=on|off` from a URL or query string; undefined when absent or another value. */
export function instructorParameter(search: string): boolean | undefined {
  // Exactly `on` / `off`, as the boot script (boot-script.mjs) reads it, so both always agree.
  const value = new URLSearchParams(search).get(INSTRUCTOR_URL_PARAMETER);
  return value === 'on' ? true : value === 'off' ? false : undefined;
}
