/**
 * World operations for the Terminal, AuditLog, MfaDevice and AccountExplorer widgets: run a command
 * line, read the trail and the clock, the account's authorization details, effective permissions,
 * and the virtual authenticator's codes. Every widget names the world it works on.
 */
import { Secret, TOTP } from 'otpauth';
import type { AccessAnswer, LineCompletion, Result, RunOutput, WorldJournal, WorldStart } from '../protocol.ts';
import {
  accessDeniedMessage,
  reasonInWords,
  simulatePrincipalPolicyWithDetails,
  type AccountAuthorizationDetails,
} from '../../sim/index.ts';
import { completeCommandLine } from '../../sim/cli/index.ts';
import { attempt, worldNow } from '../sim-adapter.ts';
import { toAnswer } from './policy.ts';
import { worlds, type JournalUpdate } from '../worlds.ts';

/** What the MfaDevice widget shows: the current and next code at the world's time. */
export interface MfaCodes {
  /** World time, epoch ms. */
  now: number;
  code: string;
  nextCode: string;
  /** Seconds until `code` expires (1–30). */
  secondsLeft: number;
  /** The otpauth:// URI an authenticator app scans. */
  uri: string;
}

/** The world half of the worker api. */
export const worldApi = {
  /** Runs an `aws ...` command line on a world. */
  run(world: string, line: string, extra: { mfaCode?: string; profile?: string; sourceIp?: string } = {}): Promise<Result<RunOutput>> {
    return attempt(() => worlds.run(world, line, extra));
  },

  /** Completion candidates for a command line at the cursor (services, operations, options). */
  complete(world: string, line: string, cursor: number): Promise<Result<LineCompletion>> {
    return attempt(async () => {
      // src/sim/cli/complete.ts: candidates replace line.slice(from, to); the world adds profiles and files.
      const out = completeCommandLine(line, cursor, await worlds.get(world));
      return { from: out.from, to: out.to, candidates: [...out.candidates] };
    });
  },

  /** The world's CloudTrail records, oldest first. */
  trail(world: string): Promise<Result<Record<string, unknown>[]>> {
    return attempt(async () => (await worlds.get(world)).trail().Records);
  },

  /**
   * The records after the first `from` (the ones a widget already has, whose first record's eventID
   * is `firstEventId`); all of them, with `from: 0`, when the trail is not the one the widget saw.
   */
  trailTail(
    world: string,
    from: number,
    firstEventId: string | null,
  ): Promise<Result<{ from: number; records: Record<string, unknown>[] }>> {
    return attempt(async () => {
      const w = await worlds.get(world);
      const tail = w.trailSince(from);
      const same = from > 0 && tail.total >= from && tail.firstEventId === firstEventId;
      return same ? { from, records: tail.Records } : { from: 0, records: w.trail().Records };
    });
  },

  /** The world's clock, epoch ms. */
  clock(world: string): Promise<Result<number>> {
    return attempt(async () => worldNow(await worlds.get(world)));
  },

  /** Moves the world's clock forward. */
  advanceClock(world: string, seconds: number): Promise<Result<number>> {
    return attempt(async () => {
      if (!(seconds > 0 && seconds <= 366 * 24 * 3600))
        throw Object.assign(new Error('Move the clock forward by 1 second to 1 year.'), { code: 'BAD_CLOCK_STEP' });
      await worlds.advance(world, seconds);
      return worldNow(await worlds.get(world));
    });
  },

  /** `aws iam get-account-authorization-details` of the world. */
  accountDetails(world: string): Promise<Result<unknown>> {
    return attempt(async () => (await worlds.get(world)).exportAuthorizationDetails());
  },

  /** IAM SimulatePrincipalPolicy against the world's current account: can this principal do these actions? */
  simulatePrincipal(
    world: string,
    principalArn: string,
    actions: string[],
    resource: string,
  ): Promise<Result<{ action: string; answer: AccessAnswer }[]>> {
    return attempt(async () => {
      const details = (await worlds.get(world)).exportAuthorizationDetails() as unknown as AccountAuthorizationDetails;
      const { output, details: explained } = simulatePrincipalPolicyWithDetails(details, {
        PolicySourceArn: principalArn,
        ActionNames: actions,
        ResourceArns: [resource || '*'],
      });
      return output.EvaluationResults.map((r, i) => ({ action: r.EvalActionName, answer: toAnswer(r, explained[i]) }));
    });
  },

  /** A file a command wrote with --outfile, as text (binary files as base64). */
  readFile(world: string, name: string): Promise<Result<string | null>> {
    return attempt(async () => {
      const w = await worlds.get(world);
      const data = w.readFile(name);
      if (data === undefined) return null;
      return typeof data === 'string' ? data : btoa(String.fromCharCode(...data));
    });
  },

  /** Names of the world's files (the terminal's `ls`), sorted. */
  listFiles(world: string): Promise<Result<string[]>> {
    return attempt(async () => [...(await worlds.get(world)).listFiles()]);
  },

  /** Saves a text file in the world (the editor's Save); `file://NAME` reads it. Recorded in the journal. */
  writeFile(world: string, name: string, text: string): Promise<Result<true>> {
    return attempt(async () => {
      if (!/^[^\s/][^\s]{0,255}$/.test(name))
        throw Object.assign(new Error('A file name has 1 to 256 characters, no spaces, and does not start with "/".'), {
          code: 'BAD_FILE_NAME',
        });
      if (text.length > 200_000)
        throw Object.assign(new Error('The file is larger than 200,000 characters; the terminal and the journal keep smaller files.'), {
          code: 'FILE_TOO_LARGE',
        });
      await worlds.writeFile(world, name, text);
      return true as const;
    });
  },

  /**
   * How far from the world's clock `code` belongs, for a code the world refused: the first virtual
   * MFA device whose code at (world time + offset) is `code`, looking up to 15 minutes either way.
   * Null when no device has that code nearby (then it is simply wrong, not skewed).
   */
  mfaSkew(world: string, code: string): Promise<Result<{ serialNumber: string; offsetSeconds: number; worldTime: number } | null>> {
    return attempt(async () => {
      if (!/^\d{6}$/.test(code)) return null;
      const copy = (await worlds.get(world)).fork();
      const now = worldNow(copy);
      const listed = await copy.run('aws iam list-virtual-mfa-devices --output json');
      const devices =
        listed.exitCode === 0
          ? ((JSON.parse(listed.stdout) as { VirtualMFADevices?: { SerialNumber?: string }[] }).VirtualMFADevices ?? [])
          : [];
      for (let step = 2; step <= 30; step++) {
        for (const offset of [step * 30, -step * 30]) {
          copy.clock.set(now + offset * 1000);
          for (const d of devices) {
            if (d.SerialNumber && copy.authenticatorCode(d.SerialNumber)?.code === code)
              return { serialNumber: d.SerialNumber, offsetSeconds: offset, worldTime: now };
          }
        }
      }
      return null;
    });
  },

  /** The authenticator's codes for the virtual MFA device whose Base32 seed is in `seedFile`, `lagMs` after the world's clock. */
  mfaCodes(world: string, seedFile: string, label: string, lagMs = 0): Promise<Result<MfaCodes>> {
    return attempt(async () => {
      const w = await worlds.get(world);
      const raw = w.readFile(seedFile);
      if (raw === undefined)
        throw Object.assign(new Error(`No seed file "${seedFile}" in this world; create the device first.`), { code: 'NO_SEED_FILE' });
      const seed = (typeof raw === 'string' ? raw : new TextDecoder().decode(raw)).trim();
      const totp = new TOTP({
        issuer: 'Amazon Web Services',
        label,
        secret: Secret.fromBase32(seed),
        digits: 6,
        period: 30,
        algorithm: 'SHA1',
      });
      const now = worldNow(w) + Math.max(0, Math.min(lagMs, 366 * 24 * 3600 * 1000));
      return {
        now,
        code: totp.generate({ timestamp: now }),
        nextCode: totp.generate({ timestamp: now + 30_000 }),
        secondsLeft: 30 - (Math.floor(now / 1000) % 30),
        uri: totp.toString(),
      };
    });
  },

  /** The authorization decisions behind a recent trail record (by eventID), explained; null when unknown. */
  trailDecisions(world: string, eventId: string): Promise<Result<AccessAnswer[] | null>> {
    return attempt(async () => {
      const decisions = (await worlds.get(world)).decisionsFor(eventId);
      if (!decisions) return null;
      return decisions.map(({ request, result }) => {
        const answer: AccessAnswer = {
          decision: result.decision,
          authorization: result,
          reasonWords: reasonInWords(result.reason, result.decidingLayer),
          matched: [],
          missingContextValues: result.explanation.missingContextKeys,
        };
        if (result.decision !== 'allowed') answer.accessDeniedMessage = accessDeniedMessage(request, result);
        return answer;
      });
    });
  },

  /** The serial number of the virtual MFA device whose seed file exists in the world, or null. */
  mfaDeviceFromSeedFile(world: string, seedFile: string, deviceName: string): Promise<Result<string | null>> {
    return attempt(async () => {
      const w = await worlds.get(world);
      return w.readFile(seedFile) === undefined ? null : `arn:aws:iam::${w.accountId}:mfa/${deviceName}`;
    });
  },

  /** What an authenticator shows for a virtual MFA device of the world (by serial number) at its clock. */
  authenticatorCode(world: string, serialNumber: string): Promise<Result<{ code: string; secondsRemaining: number } | null>> {
    return attempt(async () => (await worlds.get(world)).authenticatorCode(serialNumber) ?? null);
  },

  /** The journal of a world, for saving it in the browser or exporting it. */
  journal(world: string): Promise<Result<WorldJournal>> {
    return attempt(() => worlds.journal(world));
  },

  /** The journal for saving after a change: without the snapshot while the page's copy of it is current. */
  journalUpdate(world: string, known: string | undefined): Promise<Result<JournalUpdate>> {
    return attempt(() => worlds.journalUpdate(world, known));
  },

  /** Rebuilds a world from a saved journal (validated by the page before it gets here). */
  restore(world: string, journal: WorldJournal): Promise<Result<true>> {
    return attempt(async () => {
      await worlds.restore(world, journal);
      return true as const;
    });
  },

  /** Starts a world afresh, optionally from a given start (imported account, exercise start). */
  reset(world: string, start?: WorldStart): Promise<Result<true>> {
    return attempt(async () => {
      await worlds.reset(world, start);
      return true as const;
    });
  },
};
