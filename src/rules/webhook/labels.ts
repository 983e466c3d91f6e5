import { Report } from './report';
import { entriesAt, quote } from './values';

/** A Kubernetes label key: an optional DNS prefix and `/`, then a name of at most 63 characters. */
const LABEL_KEY = /^(?:([a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)*)\/)?((?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$/;
const LABEL_VALUE = /^(?:(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const MAX_PREFIX = 253;
const MAX_NAME = 63;

/** Reports label keys and values that Kubernetes would not accept as labels. */
export function checkLabels(report: Report, path: string, labels: unknown): void {
  for (const [key, value] of entriesAt(labels)) {
    const match = LABEL_KEY.exec(key);
    if (!match || (match[1] ?? '').length > MAX_PREFIX || match[2].length > MAX_NAME) {
      report.error(path, `invalid label key ${quote(key)}`);
    }
    if (typeof value !== 'string' || !LABEL_VALUE.test(value) || value.length > MAX_NAME) {
      report.error(path, `invalid label value ${quote(value)} for key ${quote(key)}`);
    }
  }
}

/**
 * Reports what Istio rejects in a workload selector's labels (empty keys, wildcards) and warns
 * when a present selector has no labels, because it then selects every workload.
 * @param emptyWarning what to say when the selector has no labels
 */
export function checkWorkloadSelector(report: Report, path: string, labels: unknown, emptyWarning: string): void {
  const entries = entriesAt(labels);
  for (const [key, value] of entries) {
    if (key === '') {
      report.error(path, `empty key is not supported in a selector: ${quote(`${key}=${value}`)}`);
    }
    if (key.includes('*') || String(value).includes('*')) {
      report.error(path, `wildcard is not supported in a selector: ${quote(`${key}=${value}`)}`);
    }
  }
  if (entries.length === 0) {
    report.warn(path, emptyWarning);
  }
}

