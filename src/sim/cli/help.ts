/**
 * Short help texts: `aws help`, `aws <service> help`, `aws <service> <operation> help`. The real
 * CLI shows man pages; these keep their NAME / SYNOPSIS / OPTIONS layout in brief.
 */
import type { OperationSpec, Shape } from '../services/contract.ts';
import type { OperationCatalog } from './catalog.ts';
import { GLOBAL_OPTION_NAMES } from './globals.ts';
import { kebabName } from './names.ts';
import { operationNotes } from '../services/specs/notes.ts';
import { cliOperationName, operationArgs } from './operation-args.ts';

/** `aws help`. */
export function topHelp(catalog: OperationCatalog): string {
  return [
    'AWS()',
    '',
    'NAME',
    '       aws -',
    '',
    'DESCRIPTION',
    '       The  AWS  Command  Line  Interface is a unified tool to manage your AWS',
    '       services. This simulator answers the services below exactly as the',
    '       real CLI would, against the simulated account.',
    '',
    'SYNOPSIS',
    '          aws [options] <command> <subcommand> [parameters]',
    '',
    'OPTIONS',
    ...GLOBAL_OPTION_NAMES.map((name) => `       ${name}`),
    '',
    'AVAILABLE SERVICES',
    ...[...catalog.services(), 'configure'].sort().map((s) => `       o ${s}`),
    '',
    'OTHER COMMANDS IN THIS TERMINAL',
    '       o ls, cat FILE, rm FILE       the files file:// and fileb:// read',
    "       o echo TEXT > FILE, cat > FILE <<'EOF'   write a file",
    '       o on-instance ID aws ...      run aws on an EC2 instance, as its role',
    '       o github-actions token ...    the OIDC token a GitHub Actions job gets (simulated issuer)',
    '       o help                        all of these',
    '',
  ].join('\n');
}

/** `aws <service> help`. */
export function serviceHelp(catalog: OperationCatalog, service: string): string {
  return [
    `${service.toUpperCase()}()`,
    '',
    'NAME',
    `       ${service} -`,
    '',
    'AVAILABLE COMMANDS',
    ...catalog.operations(service).map((spec) => `       o ${cliOperationName(spec)}`),
    '',
  ].join('\n');
}

/** `aws <service> <operation> help`. */
export function operationHelp(spec: OperationSpec, cliService: string): string {
  const name = cliOperationName(spec);
  const required = new Set(spec.input.required ?? []);
  const synopsis: string[] = [];
  const options: string[] = [];
  for (const [member, shape] of Object.entries(spec.input.members)) {
    const option = `--${kebabName(member)}`;
    const usage = shape.type === 'boolean' ? `${option} | --no-${kebabName(member)}` : `${option} <value>`;
    synopsis.push(required.has(member) ? `          ${usage}` : `          [${usage}]`);
    options.push(`       ${option} (${describeShape(shape)})${required.has(member) ? ' [required]' : ''}`);
  }
  for (const arg of operationArgs(spec, false)) {
    if (arg.member !== undefined) continue;
    if (arg.option === undefined) {
      synopsis.push(`          <${arg.dest}>`);
      options.push(`       ${arg.dest} (string) ${spec.positionalOutfile?.description ?? ''}`.trimEnd());
    } else if (arg.option !== '--cli-input-json' && arg.option !== '--generate-cli-skeleton') {
      synopsis.push(arg.required === true ? `          ${arg.option} <value>` : `          [${arg.option} <value>]`);
      options.push(`       ${arg.option} (string)${arg.choices !== undefined ? ` one of: ${arg.choices.join(', ')}` : ''}`);
    }
  }
  synopsis.push('          [--cli-input-json <value>]', '          [--generate-cli-skeleton <value>]');
  return [
    `${name.toUpperCase()}()`,
    '',
    'NAME',
    `       ${name} -`,
    '',
    'DESCRIPTION',
    `       Calls the ${spec.name} operation of ${cliService}.`,
    '',
    'SYNOPSIS',
    `            ${name}`,
    ...synopsis,
    '',
    'OPTIONS',
    ...options,
    '',
    ...notesSection(spec),
  ].join('\n');
}

/** The SIMULATOR NOTES section, when the simulation follows a convention of its own here. */
function notesSection(spec: OperationSpec): string[] {
  const notes = operationNotes(spec.service, spec.name);
  return notes.length === 0 ? [] : ['SIMULATOR NOTES', ...notes.map((line) => (line === '' ? '' : `       ${line}`)), ''];
}

function describeShape(shape: Shape): string {
  switch (shape.type) {
    case 'list':
      return `list of ${describeShape(shape.member)}`;
    case 'map':
      return 'map';
    case 'structure':
      return 'structure';
    default:
      return shape.type === 'string' && shape.enum !== undefined ? `string, one of: ${shape.enum.join(', ')}` : shape.type;
  }
}
