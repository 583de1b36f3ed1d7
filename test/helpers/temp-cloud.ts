/**
 * What the tests' local clouds share: a cloud on a free port over a data folder of its own, on a
 * manual clock from a Monday morning and without the timer triggers, restarted on the same folder
 * or closed with the folder removed. Each kind adds its own options and ways to drive it.
 */
import { rmSync } from 'node:fs';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../local/cloud';

export abstract class TempCloud {
  cloud!: LocalCloud;

  protected constructor(
    readonly dataDir: string,
    private readonly options: Partial<LocalCloudOptions>,
  ) {}

  /** This kind's options, which the test's own override. */
  protected abstract defaults(): Partial<LocalCloudOptions>;

  protected async boot(): Promise<void> {
    this.cloud = await startLocalCloud({
      port: 0,
      dataDir: this.dataDir,
      clock: 'manual',
      startAt: new Date('2026-11-02T02:00:00.000Z'),
      schedule: false,
      ...this.defaults(),
      ...this.options,
    });
  }

  /** Stops the cloud and starts it again on the same data folder. */
  async restart(): Promise<void> {
    await this.cloud.close();
    await this.boot();
  }

  async close(): Promise<void> {
    await this.cloud.close();
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}
