/**
 * The commands the CLI knows: the world's simulated services and operations, looked up by their
 * command-line names (`s3api` for the world's `s3`, `list-objects-v2`, ...).
 */
import type { OperationSpec } from '../services/contract.ts';
import { listOperations, SIMULATED_SERVICES } from '../services/specs/index.ts';
import { cliOperationName } from './operation-args.ts';

/** Commands handled by the CLI itself rather than a service. */
export const BUILTIN_COMMANDS = ['configure'] as const;

/** Service and operation lookup over a set of operation specs. */
export class OperationCatalog {
  private readonly byService = new Map<string, OperationSpec[]>();

  /** @param specs every operation offered, in any order. */
  constructor(specs: readonly OperationSpec[]) {
    for (const spec of specs) {
      const name = cliServiceName(spec.service);
      const list = this.byService.get(name) ?? [];
      list.push(spec);
      this.byService.set(name, list);
    }
    // botocore lists operations in API-name order; the CLI shows them in that order.
    for (const list of this.byService.values()) list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** CLI service names (`iam`, `s3api`, `sts`, ...), sorted. */
  services(): string[] {
    return [...this.byService.keys()].sort();
  }

  /** All operations of a CLI service name. */
  operations(cliService: string): readonly OperationSpec[] {
    return this.byService.get(cliService) ?? [];
  }

  /** One operation by its CLI names, or undefined. */
  find(cliService: string, cliOperation: string): OperationSpec | undefined {
    return this.operations(cliService).find((spec) => cliOperationName(spec) === cliOperation);
  }
}

/** The command name of a world service: the CLI calls the S3 API `s3api`. */
export function cliServiceName(service: string): string {
  return service === 's3' ? 's3api' : service;
}

let defaultCatalog: OperationCatalog | undefined;

/** The catalog of the generated registry (every operation the world implements). */
export function registryCatalog(): OperationCatalog {
  defaultCatalog ??= new OperationCatalog(SIMULATED_SERVICES.flatMap((service) => listOperations(service)));
  return defaultCatalog;
}
