import type { KafkaClientComparison } from './kafka-clients-phase';
import { renderTable } from './results-table';
import type { TableRow } from './results-table';
import type { Rate } from './relay-trial';

const HEADER: TableRow = ['', 'kafkajs 2.2.4 (the services’)', '@platformatic/kafka 2.12.1'];

/** The two Kafka clients side by side, on the same events and broker. */
export function formatClientsTable(clients: KafkaClientComparison, events: number): string {
  const perSecond = (rate: Rate) => `${Math.round(rate.eventsPerSecond).toLocaleString('en-US')} ev/s`;
  const rounds = (trials: readonly Rate[]) => trials.map(perSecond).join(' · ');
  const mean = (trials: readonly Rate[]) =>
    trials.reduce((sum, trial) => sum + trial.eventsPerSecond, 0) / trials.length;
  const relayRatio = mean(clients.relay.platformatic) / mean(clients.relay.kafkajs);
  const consumeRatio = clients.consume.platformatic.eventsPerSecond / clients.consume.kafkajs.eventsPerSecond;
  const count = events.toLocaleString('en-US');
  const idle = (value: number) => `${value.toFixed(2)} ms/s`;
  const rows: TableRow[] = [
    [
      `KafkaRelay store → Kafka, ${count} ev, batch 1000, per round`,
      rounds(clients.relay.kafkajs),
      rounds(clients.relay.platformatic),
    ],
    ['  platformatic / kafkajs (mean of the rounds)', '1.00×', `${relayRatio.toFixed(2)}×`],
    [
      `bare consumer, the ${count} relayed events, JSON.parse each`,
      perSecond(clients.consume.kafkajs),
      perSecond(clients.consume.platformatic),
    ],
    ['  platformatic / kafkajs', '1.00×', `${consumeRatio.toFixed(2)}×`],
    [
      `idle consumer in its group: CPU (no client: ${idle(clients.idleCpuMsPerSecond.none)})`,
      `${idle(clients.idleCpuMsPerSecond.kafkajs)} (idle-timer fix on)`,
      idle(clients.idleCpuMsPerSecond.platformatic),
    ],
  ];
  return renderTable([HEADER], rows);
}
