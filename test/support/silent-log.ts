// A logger that says nothing, for hub functions called directly by tests (they take Fastify's logger).
import type { FastifyBaseLogger } from 'fastify';

export const silentLog: FastifyBaseLogger = {
  info: () => {},
  error: () => {},
  warn: () => {},
  debug: () => {},
  trace: () => {},
  fatal: () => {},
  silent: () => {},
  child: () => silentLog,
  level: 'silent',
} as unknown as FastifyBaseLogger;
