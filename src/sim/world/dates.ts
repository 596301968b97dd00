/** The date formats AWS uses in different places; one function per format so each is written once. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** CloudTrail `eventTime` and `creationDate`: `2026-03-02T14:05:11Z` (no milliseconds). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** AWS CLI v2 output timestamps: `2026-03-02T14:05:11+00:00`. */
export function cliTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** IAM dates inside CloudTrail `responseElements`: `Mar 2, 2026 2:05:11 PM` (real records; https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html). */
export function iamTrailDate(ms: number): string {
  const { date, time } = javaParts(ms);
  return `${date} ${time}`;
}

/** STS `credentials.expiration` inside CloudTrail: `Mar 2, 2026, 3:10:02 PM` (comma after the year). */
export function stsTrailDate(ms: number): string {
  const { date, time } = javaParts(ms);
  return `${date}, ${time}`;
}

function javaParts(ms: number): { date: string; time: string } {
  const d = new Date(ms);
  const hours = d.getUTCHours();
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  const ss = String(d.getUTCSeconds()).padStart(2, '0');
  return {
    date: `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`,
    time: `${h12}:${mm}:${ss} ${hours < 12 ? 'AM' : 'PM'}`,
  };
}
