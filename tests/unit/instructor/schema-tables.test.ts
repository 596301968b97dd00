/**
 * The authoring guide's field tables are generated from the lesson and exercise schemas. Every
 * field of every object must come out with a type and the doc comment from the schema source, so a
 * field added without documentation fails here instead of leaving a hole in the guide.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../../src/course/lesson.ts';
import { exerciseSchema } from '../../../src/course/exercise.ts';
import { schemaTables } from '../../../src/instructor/authoring/schema-tables.ts';
import { docCommentsByKeySet, keySetId } from '../../../src/instructor/authoring/doc-comments.ts';

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('doc comments from source', () => {
  it('reads field comments, spreads of local consts and the declaration summary', () => {
    const source = `
      const base = {
        /** The id. */
        id: z.string(),
      };
      /** A thing. */
      export const thing = z.object({
        ...base,
        /**
         * Its size,
         * in bytes.
         */
        size: z.number(),
        untold: z.boolean(),
      }).strict();`;
    const docs = docCommentsByKeySet(source).get(keySetId(['id', 'size', 'untold']));
    expect(docs).toEqual({ summary: 'A thing.', fields: { id: 'The id.', size: 'Its size, in bytes.', untold: '' } });
  });
});

for (const [name, schema, path] of [
  ['lesson', lessonSchema, 'src/course/lesson.ts'],
  ['exercise', exerciseSchema, 'src/course/exercise.ts'],
] as const) {
  describe(`${name} schema tables`, () => {
    const tables = schemaTables(schema, read(path), name);
    it('cover every field of the schema with a type and a description', () => {
      expect(tables.length).toBeGreaterThan(0);
      const undocumented = tables.flatMap((t) => t.rows.filter((r) => r.description === '').map((r) => `${t.title}.${r.name}`));
      expect(undocumented).toEqual([]);
      for (const table of tables) for (const row of table.rows) expect(row.type, `${table.title}.${row.name}`).not.toBe('any value');
    });
    it('list the top-level fields in schema order', () => {
      const shape = (schema as unknown as { shape: Record<string, unknown> }).shape;
      expect(tables[0]?.rows.map((r) => r.name)).toEqual(Object.keys(shape));
    });
    it('have unique anchors', () => {
      const ids = tables.map((t) => t.id);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });
}

it('the exercise tables show defaults, requiredness and the check kinds', () => {
  const tables = schemaTables(exerciseSchema, read('src/course/exercise.ts'), 'exercise');
  const titles = tables.map((t) => t.title);
  expect(titles.some((t) => t.includes('kind "command"'))).toBe(true);
  const world = tables.find((t) => t.rows.some((r) => r.name === 'accountId'));
  expect(world?.rows.find((r) => r.name === 'accountId')).toMatchObject({ required: false, defaultValue: '"111122223333"' });
  if (process.env['SHOW_TABLES']) console.log(JSON.stringify(tables, null, 1));
});
