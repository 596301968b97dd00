/**
 * State of the MfaDevice widget: a virtual authenticator on a world. The device is created with the
 * CLI (its Base32 seed written to a file in the world), codes come from the seed at the world's
 * clock, and enabling it takes two consecutive codes, exactly as IAM's EnableMFADevice does.
 */
import { z } from 'zod';
import type { RunOutput } from '../worker/protocol.ts';
import type { MfaCodes } from '../worker/api/world.ts';
import { forget, loadSaved, pageKey, save } from '../worker/storage.ts';
import { shellQuote } from './Terminal.svelte.ts';
import { worldSession, type WorldSession } from './world-session.svelte.ts';
import { skewHint } from './mfa-skew.ts';
import { followsRealTime } from './world-clock.ts';

const savedSchema = z.object({
  /** The device's serial number (its ARN), as create-virtual-mfa-device printed it. */
  serial: z.string().max(2048),
});

/** State and actions of one MfaDevice widget. */
export class MfaDeviceState {
  deviceName = $state('dojo-phone');
  userName = $state('alice');
  serial: string | null = $state(null);
  codes: MfaCodes | null = $state.raw(null);
  code1 = $state('');
  code2 = $state('');
  /** The last command's output, shown as text. */
  output: RunOutput | null = $state.raw(null);
  error: string | null = $state(null);
  /** Why the codes typed were refused, when they were only off in time. */
  hint: string | null = $state(null);
  busy = $state(false);
  /**
   * True from a "Skip 30 s" click until the codes at the new time are read back: the code on screen
   * until then is from before the skip (often one already used), so the widget hides it rather than
   * let it be copied.
   */
  skipping = $state(false);
  /** True when the world's clock follows real time (a phone's codes then match). */
  readonly realTime = followsRealTime();

  readonly session: WorldSession;

  constructor(world: string, deviceName: string, userName: string) {
    this.session = worldSession(world);
    this.deviceName = deviceName;
    this.userName = userName;
    const saved = loadSaved(this.#key(), savedSchema);
    if (saved.kind === 'ok') this.serial = saved.value.serial;
  }

  /** The file in the world holding the device's seed. */
  get seedFile(): string {
    return `mfa-${this.deviceName}-seed.txt`;
  }

  /** Creates the virtual MFA device (aws iam create-virtual-mfa-device). */
  async create(): Promise<void> {
    const out = await this.#run(
      `aws iam create-virtual-mfa-device --virtual-mfa-device-name ${shellQuote(this.deviceName)} --outfile ${shellQuote(this.seedFile)} --bootstrap-method Base32StringSeed`,
    );
    if (out.exitCode !== 0) return;
    try {
      const parsed = JSON.parse(out.stdout) as { VirtualMFADevice?: { SerialNumber?: unknown } };
      const serial = parsed.VirtualMFADevice?.SerialNumber;
      if (typeof serial !== 'string') throw new Error('no SerialNumber in the output');
      this.serial = serial;
      save(this.#key(), { serial });
    } catch (error) {
      this.error = `The device was created but its serial number could not be read (${(error as Error).message}).`;
    }
    await this.refresh();
  }

  /** Reads the codes at the world's current time. */
  async refresh(): Promise<void> {
    if (!this.serial) {
      // The device may exist without this widget having made it (an exercise start, the terminal).
      const found = await this.session.read((api) => api.mfaDeviceFromSeedFile(this.session.name, this.seedFile, this.deviceName));
      if (!found.ok || found.value === null) return;
      this.serial = found.value;
    }
    const account = /^arn:aws[\w-]*:iam::(\d{12}):/.exec(this.serial)?.[1] ?? '';
    // The lag is read when the queued read runs, after any change before it brought the clock up to date.
    const result = await this.session.read((api) =>
      api.mfaCodes(this.session.name, this.seedFile, `${this.deviceName}@${account}`, this.session.realLagMs()),
    );
    if (!result.ok) {
      this.codes = null;
      if (result.error.code === 'NO_SEED_FILE') {
        // The world was reset or replaced: the device is gone, offer to create it again.
        this.serial = null;
        forget(this.#key());
        return;
      }
      this.error = `${result.error.message} [${result.error.code}]`;
      return;
    }
    this.error = null;
    this.codes = result.value;
  }

  /** Moves the world's clock forward (the next code appears after at most 30 s). */
  async skip(seconds = 30): Promise<void> {
    this.skipping = true;
    try {
      const result = await this.session.advance(seconds);
      if (!result.ok) this.error = `${result.error.message} [${result.error.code}]`;
      await this.refresh();
    } finally {
      this.skipping = false;
    }
  }

  /**
   * Puts the current code in the first empty code field. The code is read again first: the one on
   * screen can be a second old, or from before a "Skip 30 s" whose clock move has not been read back
   * yet (a quick second click copied the first code twice, and enabling failed).
   */
  async useCurrentCode(): Promise<void> {
    await this.refresh();
    if (!this.codes) return;
    if (this.code1 === '' || this.code2 !== '') {
      this.code1 = this.codes.code;
      this.code2 = '';
    } else this.code2 = this.codes.code;
  }

  /** Enables the device for the user with two consecutive codes (aws iam enable-mfa-device). */
  async enable(): Promise<void> {
    if (!this.serial) return;
    const line = `aws iam enable-mfa-device --user-name ${shellQuote(this.userName)} --serial-number ${shellQuote(this.serial)} --authentication-code1 ${shellQuote(this.code1)} --authentication-code2 ${shellQuote(this.code2)}`;
    const out = await this.#run(line);
    this.hint = out.exitCode === 0 ? null : await skewHint(this.session, line, out.stderr);
  }

  /**
   * Re-reads the codes once a second while the world follows real time and `shown()` says the widget
   * is on screen, so the countdown runs; answers a stop function.
   */
  startTicking(shown: () => boolean = () => true): () => void {
    if (!this.realTime) return () => undefined;
    const timer = setInterval(() => {
      if (this.serial && !this.busy && shown()) void this.refresh();
    }, 1000);
    return () => clearInterval(timer);
  }

  async #run(line: string): Promise<RunOutput> {
    this.busy = true;
    try {
      const out = await this.session.run(line);
      this.output = { ...out, stdout: out.stdout, stderr: out.stderr };
      return out;
    } finally {
      this.busy = false;
    }
  }

  #key(): string {
    return pageKey('mfa', `${this.session.name}:${this.deviceName}`);
  }
}
