export interface Leftover {
  name: string;
  pid: number;
  file?: string;
  postgres?: boolean;
}
export declare const runDir: (dataDir: string) => string;
export declare function recordPid(dataDir: string, name: string, pid: number): void;
export declare function forgetPid(dataDir: string, name: string): void;
export declare function isAlive(pid: number): boolean;
export declare function leftovers(dataDir: string, except?: number[]): Leftover[];
export declare function stopLeftovers(
  dataDir: string,
  say?: (line: string) => void,
  opts?: { except?: number[]; graceMs?: number },
): Promise<Leftover[]>;
