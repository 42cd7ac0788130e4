// The package's version, stamped in by the build (scripts/build.mjs); "dev" when run from source.
declare const RCA_WRITER_VERSION: string | undefined;

export const VERSION = typeof RCA_WRITER_VERSION === 'string' ? RCA_WRITER_VERSION : 'dev';
