// Types of scripts/npm-deps.mjs (plain JavaScript, so that it runs before anything is installed).
export declare const root: string;
export declare const NODE_MIN: [number, number];
export declare function prepare(opts?: { stderr?: boolean }): Promise<void>;
export declare function importTs(file: string): Promise<Record<string, unknown>>;
