// Small pieces the pages share: due-date tags with their countdown and colour, stage names, links.
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { Lang } from './i18n';
import { pick, STAGES } from './i18n';
import { navigate } from './router';

/** Overdue red, at risk (≤ 3 working days) orange, else plain; the countdown in working days when known. */
export function DueTag({
  dueOn,
  overdue,
  left,
  lang,
}: {
  dueOn: string | null;
  overdue: boolean;
  left?: number | null;
  lang: Lang;
}) {
  if (!dueOn) return <span>—</span>;
  const color =
    overdue || (left !== undefined && left !== null && left < 0)
      ? 'red'
      : left !== undefined && left !== null && left <= 3
        ? 'orange'
        : 'default';
  const count =
    left === undefined || left === null
      ? ''
      : left < 0
        ? lang === 'zh'
          ? ` · 逾期${-left}个工作日`
          : ` · ${-left} WD overdue`
        : lang === 'zh'
          ? ` · 剩${left}个工作日`
          : ` · ${left} WD left`;
  return (
    <Tag color={color} data-due={color}>
      {dueOn}
      {count}
    </Tag>
  );
}

export const stageName = (stage: string, lang: Lang) => pick(STAGES[stage], lang, stage);

export function Link({ to, children, testId }: { to: string; children: ReactNode; testId?: string }) {
  return (
    <a
      href={to}
      data-testid={testId}
      onClick={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

/** An instant as the bureau reads it: China's date and time (UTC+8), whatever the browser's time zone. */
export const chinaTime = (iso: string, lang: Lang) =>
  new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai' });

export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined
    ? '—'
    : `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`;

/** A matter's page: complaints are numbered in their own series (<unit>-TS-<year>-<n>). */
export const matterPath = (n: string) => (/-TS-\d{4}-/.test(n) ? `/complaints/${n}` : `/cases/${n}`);
