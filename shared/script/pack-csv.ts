import { parse } from 'csv-parse/sync';
import { ValidationError } from '#shared/errors.ts';

/**
 * A script pack from a spreadsheet export: one row per entry or disclosure.
 *
 *   type,id,topic,questions,answer,commitment,title,text,requiresAck
 *   entry,price-avg,价格,均价多少|每平米多少钱,均价约……,false,,,
 *   disclosure,disc-substation,,,,,变电站,项目东北侧约150米……,true
 *
 * `questions` are separated by `|` or new lines. Pack-level fields come from the caller (query
 * string); the result is validated by the same zod schema as a JSON pack.
 */
export function packFromCsv(
  csv: string,
  meta: { projectId: string; projectName: string; version: string; effectiveFrom: string },
): Record<string, unknown> {
  let rows: Record<string, string>[];
  try {
    rows = parse(csv, {
      columns: (h: string[]) => h.map((c) => c.trim()),
      skip_empty_lines: true,
      bom: true,
      trim: true,
    });
  } catch (err) {
    throw new ValidationError(`CSV 无法解析：${(err as Error).message}`);
  }
  const bool = (v: string | undefined, line: number, column: string) => {
    const s = (v ?? '').toLowerCase();
    if (['true', '1', 'yes', '是', 'y'].includes(s)) return true;
    if (['false', '0', 'no', '否', 'n', ''].includes(s)) return false;
    throw new ValidationError(`CSV 第 ${line} 行 ${column} 应为 true 或 false`);
  };
  const entries: unknown[] = [];
  const disclosures: unknown[] = [];
  rows.forEach((row, i) => {
    const line = i + 2;
    const type = (row.type ?? '').toLowerCase();
    if (type === 'entry') {
      entries.push({
        id: row.id,
        topic: row.topic,
        questions: (row.questions ?? '')
          .split(/[|\n]/)
          .map((q) => q.trim())
          .filter(Boolean),
        answer: row.answer,
        commitment: bool(row.commitment, line, 'commitment'),
      });
    } else if (type === 'disclosure') {
      disclosures.push({
        id: row.id,
        title: row.title,
        text: row.text,
        requiresAck: bool(row.requiresAck || 'true', line, 'requiresAck'),
      });
    } else {
      throw new ValidationError(`CSV 第 ${line} 行 type 应为 entry 或 disclosure`);
    }
  });
  return { ...meta, entries, disclosures };
}
