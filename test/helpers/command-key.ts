// The command key of the test environments (platform/command-auth.ts): their clients sign with it, their
// workers verify with it.
import { commandClientOptions, verifyingCodec } from '../../platform/command-auth.js';

export const TEST_COMMAND_KEY = Buffer.alloc(32, 7);
export const testClientOptions = () => commandClientOptions(TEST_COMMAND_KEY);
export const testDataConverter = () => ({ payloadCodecs: [verifyingCodec(TEST_COMMAND_KEY)] });
