/**
 * Reads the one-line doc comments of zod object fields straight from a schema's TypeScript source,
 * so the authoring guide documents exactly what the schema says (the zod schemas are the
 * documentation). Objects are identified by their set of keys, which is how the JSON Schema walk
 * (schema-tables.ts) finds them again. Build-time only (uses the TypeScript compiler).
 */
import ts from 'typescript';

/** The doc comments of one `z.object({...})` literal. */
export interface ObjectDocs {
  /** The comment on the `const` the object is declared as, when it has one. */
  summary?: string;
  /** Field name → its doc comment. */
  fields: Record<string, string>;
}

/** Doc comments of every `z.object` / `z.strictObject` literal in `source`, keyed by `keySetId`. */
export function docCommentsByKeySet(source: string, fileName = 'schema.ts'): Map<string, ObjectDocs> {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const constObjects = new Map<string, ts.ObjectLiteralExpression>();
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      if (ts.isIdentifier(decl.name) && decl.initializer && ts.isObjectLiteralExpression(decl.initializer)) {
        constObjects.set(decl.name.text, decl.initializer);
      }
    }
  }
  const result = new Map<string, ObjectDocs>();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isObjectFactory(node.expression)) {
      const literal = node.arguments[0];
      if (literal && ts.isObjectLiteralExpression(literal)) {
        const fields = collectFields(literal, constObjects, source);
        const summary = declarationSummary(node, source);
        result.set(keySetId(Object.keys(fields)), { ...(summary ? { summary } : {}), fields });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return result;
}

/** The identity of an object shape: its keys, sorted. */
export function keySetId(keys: Iterable<string>): string {
  return [...keys].sort().join(',');
}

function isObjectFactory(callee: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(callee) && ['object', 'strictObject', 'looseObject'].includes(callee.name.text);
}

function collectFields(
  literal: ts.ObjectLiteralExpression,
  constObjects: Map<string, ts.ObjectLiteralExpression>,
  source: string,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const property of literal.properties) {
    if (ts.isSpreadAssignment(property) && ts.isIdentifier(property.expression)) {
      const spread = constObjects.get(property.expression.text);
      if (spread) Object.assign(fields, collectFields(spread, constObjects, source));
    } else if ((ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) && property.name) {
      const name = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : property.name.getText();
      fields[name] = docComment(property, source) ?? '';
    }
  }
  return fields;
}

/** The comment of the `const` whose initializer chain starts with this `z.object(...)` call. */
function declarationSummary(call: ts.CallExpression, source: string): string | undefined {
  let node: ts.Node = call;
  while (
    node.parent &&
    (ts.isPropertyAccessExpression(node.parent) || (ts.isCallExpression(node.parent) && node.parent.expression === node))
  ) {
    node = node.parent;
  }
  const decl = node.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== node) return undefined;
  const statement = decl.parent?.parent;
  return statement && ts.isVariableStatement(statement) ? docComment(statement, source) : undefined;
}

/** The last `/** … *\/` comment right before `node`, as one line of text. */
function docComment(node: ts.Node, source: string): string | undefined {
  const ranges = ts.getLeadingCommentRanges(source, node.getFullStart()) ?? [];
  const last = [...ranges].reverse().find((r) => source.startsWith('/**', r.pos));
  if (!last) return undefined;
  return source
    .slice(last.pos + 3, last.end - 2)
    .split('\n')
    .map((line) => line.replace(/^\s*\*?\s?/, '').trim())
    .filter(Boolean)
    .join(' ');
}
