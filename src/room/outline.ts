/** The course as the room dashboard shows it: lessons, their exercises and the words of their checks. */
export type RoomOutline = {
  /** Lesson folder, e.g. `04-policies`. */
  slug: string;
  /** Lesson number in the course. */
  number: number;
  title: string;
  exercises: {
    id: string;
    title: string;
    /** Check id → the label learners read. */
    checks: Record<string, string>;
    /** The course's plausible wrong answers: the mistake in words and the checks that catch it. */
    wrongAnswers: { mistake: string; caughtBy: string[] }[];
  }[];
}[];
