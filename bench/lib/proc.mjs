// Process helpers: spawn pinned to a core, stop, and read RSS and CPU time from /proc.
import { execFileSync, spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { clearTimeout, setTimeout } from 'node:timers'

const CLOCK_TICKS = Number(tryRun('getconf', ['CLK_TCK']) ?? 100)

export function hasTaskset() {
  return tryRun('taskset', ['--version']) !== undefined
}

/** Binds this process (all its threads) to one core. */
export function pinSelf(core) {
  execFileSync('taskset', ['-a', '-p', '-c', String(core), String(process.pid)], { stdio: 'ignore' })
}

const running = new Set()

/** SIGKILL to every process this module started that is still running. */
export function killAll() {
  return Promise.all([...running].map(kill))
}

/** Starts `node <args>` (under `taskset -c core` when `core` is a number); the pid is node's own. */
export function spawnNode(args, { env, core, cwd }) {
  const command = core === undefined ? process.execPath : 'taskset'
  const argv = core === undefined ? args : ['-c', String(core), process.execPath, ...args]
  const child = spawn(command, argv, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  running.add(child)
  child.once('exit', () => running.delete(child))
  let output = ''
  const keep = (d) => (output = (output + d).slice(-8000))
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  child.output = () => output
  return child
}

/** SIGINT, then SIGKILL if it has not exited within `graceMs`. */
export function stop(child, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGINT')
  })
}

/** SIGKILL: for a server whose remaining work is of no interest. */
export function kill(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

/** Resident set size in MB (VmRSS), or null when the process is gone. */
export function rssMb(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'))
    return line ? Math.round(Number(line.split(/\s+/)[1]) / 1024) : null
  } catch {
    return null
  }
}

/** User + system CPU seconds a process has used so far (0 when it cannot be read). */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
  } catch {
    return 0
  }
}

/** The pid and its descendants (`kassa start --workers N` forks its API processes). */
export function processTree(pid) {
  const pids = [pid]
  for (let i = 0; i < pids.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${pids[i]}/task`)) {
        const children = readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8').trim()
        if (children) pids.push(...children.split(' ').map(Number))
      }
    } catch {}
  }
  return pids
}

/** User + system CPU seconds of a process and its descendants. */
export function cpuSecondsOfTree(pid) {
  return processTree(pid).reduce((sum, p) => sum + cpuSeconds(p), 0)
}

/** Resident set size in MB of a process and its descendants (null when the process is gone). */
export function rssMbOfTree(pid) {
  const all = processTree(pid).map(rssMb)
  return all[0] === null ? null : all.reduce((sum, mb) => sum + (mb ?? 0), 0)
}

/** CPU seconds by pid of the processes whose command line mentions `text` (PostgreSQL backends name their database). */
export function cpuByProcessMatching(text) {
  const found = new Map()
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text)) found.set(pid, cpuSeconds(pid))
    } catch {}
  }
  return found
}

/** CPU seconds used between two `cpuByProcessMatching` readings by the processes alive at the second. */
export function cpuSecondsBetween(before, after) {
  let total = 0
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0)
  return total
}

function tryRun(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return undefined
  }
}
