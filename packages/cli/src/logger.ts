import pino, { type Logger } from 'pino'

/** JSON logs; human-readable when writing to a terminal. */
export function createLogger(level: string): Logger {
  if (process.stdout.isTTY) {
    return pino({ level, transport: { target: 'pino-pretty', options: { destination: 2, ignore: 'pid,hostname', translateTime: 'HH:MM:ss' } } })
  }
  return pino({ level }, pino.destination(2))
}
