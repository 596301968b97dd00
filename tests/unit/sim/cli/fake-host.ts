/**
 * A stand-in world for CLI tests: records every request and answers from a table the test sets,
 * so parser and output behaviour can be tested without the real services.
 */
import type { CliHost } from '../../../../src/sim/cli/index.ts';
import type { CredentialLookup, Credentials, ServiceRequest, ServiceResponse } from '../../../../src/sim/services/contract.ts';

/** A host whose answers are set per `service:Operation`. */
export class FakeHost implements CliHost {
  requests: ServiceRequest[] = [];
  answers = new Map<string, (request: ServiceRequest) => ServiceResponse>();
  files = new Map<string, string | Uint8Array>();
  cliConfig = { profiles: {} as Record<string, Record<string, string>> };
  users = new Map<string, Credentials>([
    ['alice', { kind: 'accessKey', accessKeyId: 'AKIAALICE000000EXAMPLE', secretAccessKey: 'alicesecret' }],
  ]);
  time = Date.parse('2026-03-02T14:05:11Z');
  clock = { now: (): number => this.time };

  async invoke(request: ServiceRequest): Promise<ServiceResponse> {
    this.requests.push(request);
    const answer = this.answers.get(`${request.service}:${request.operation}`);
    return answer !== undefined ? answer(request) : { ok: true, output: {} };
  }

  answer(key: string, output: Record<string, unknown>): void {
    this.answers.set(key, () => ({ ok: true, output }));
  }

  fail(key: string, code: string, message: string, httpStatus = 400): void {
    this.answers.set(key, () => ({ ok: false, error: { code, message, httpStatus } }));
  }

  readFile(name: string): string | Uint8Array | undefined {
    return this.files.get(name);
  }

  writeFile(name: string, data: string | Uint8Array): void {
    this.files.set(name, data);
  }

  listFiles(): string[] {
    return [...this.files.keys()];
  }

  deleteFile(name: string): boolean {
    return this.files.delete(name);
  }

  lookupUserCredentials(userName: string): CredentialLookup {
    const credentials = this.users.get(userName);
    return credentials !== undefined ? { ok: true, credentials } : { ok: false, reason: 'NO_SUCH_USER' };
  }

  rootCredentials(): Credentials {
    return { kind: 'accessKey', accessKeyId: 'AKIAROOT0000000EXAMPLE', secretAccessKey: 'rootsecret' };
  }
}
