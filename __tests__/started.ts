/** Simulators a test file starts, each closed when the file's tests are done. */
import { after } from 'node:test'
import { IngestionSimulator, type IngestionScenario } from './ingestion-simulator.js'
import { Simulator, type Scenario } from './simulator.js'

const open: { close: () => Promise<void> }[] = []
after(() => Promise.all(open.map((s) => s.close())))

/** A Cloud Partner Portal simulator, closed after the file's tests. */
export async function cpp(scenario: Partial<Scenario> = {}): Promise<Simulator> {
  const sim = await Simulator.start(scenario)
  open.push(sim)
  return sim
}

/** A Product Ingestion simulator, closed after the file's tests. */
export async function pi(scenario: Partial<IngestionScenario> = {}): Promise<IngestionSimulator> {
  const sim = await IngestionSimulator.start(scenario)
  open.push(sim)
  return sim
}
