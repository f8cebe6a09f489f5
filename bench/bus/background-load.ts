import { loadavg } from 'node:os';
import type { DataSource } from 'typeorm';
import { busyShare, readCpuTimes } from './cpu-times';

export interface BackgroundLoad {
  readonly samples: number;
  /** Active sessions of other databases on the same PostgreSQL server (other people's work). */
  readonly otherSessionsMean: number;
  readonly otherSessionsMax: number;
  /** The machine's 1-minute load average (all processes, this bench included). */
  readonly loadAverageMax: number;
  /** Share of the machine's CPU time that was busy over the run (all processes, this bench included). */
  readonly cpuBusy: number | undefined;
}

/**
 * Samples, once a second, what else runs on the machine and the server while the bench runs: the
 * numbers are only comparable between runs with the same background.
 */
export class BackgroundLoadSampler {
  private readonly sessions: number[] = [];
  private readonly loads: number[] = [];
  private readonly timer: NodeJS.Timeout;
  private sampling = false;
  private readonly cpuAtStart = readCpuTimes();

  constructor(private readonly dataSource: DataSource) {
    this.timer = setInterval(() => void this.sample(), 1_000);
  }

  stop(): BackgroundLoad {
    clearInterval(this.timer);
    const cpuBusy = busyShare(this.cpuAtStart, readCpuTimes());
    const mean = this.sessions.reduce((sum, value) => sum + value, 0) / Math.max(1, this.sessions.length);
    return {
      samples: this.sessions.length,
      otherSessionsMean: mean,
      otherSessionsMax: Math.max(0, ...this.sessions),
      loadAverageMax: Math.max(0, ...this.loads),
      cpuBusy,
    };
  }

  private async sample(): Promise<void> {
    if (this.sampling) return;
    this.sampling = true;
    try {
      const [row] = await this.dataSource.query<{ sessions: number }[]>(
        `SELECT count(*)::int AS sessions FROM pg_stat_activity
          WHERE state = 'active' AND backend_type = 'client backend' AND datname IS DISTINCT FROM current_database()`,
      );
      this.sessions.push(row.sessions);
      this.loads.push(loadavg()[0]);
    } catch {
      // The pool is closing: the run is over.
    } finally {
      this.sampling = false;
    }
  }
}
