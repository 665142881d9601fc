// The bureau's figures for a period, by unit: cases filed and closed, decisions with their fines and
// confiscations, complaints decided within the acceptance period, mediation, 12315 closure, publicity on time,
// criminal transfers, and the on-time rate of each statutory period — as charts and tables, with a CSV export.
// The API computes them with SQL over the projection.
import { Card, DatePicker, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useContext, useMemo, useState } from 'react';
import { chinaDateOf } from '../../../schema/values/dates.js';
import type { Figures, UnitFigures } from '../../../schema/workbench.js';
import { query, usePoll } from '../api';
import { UnitSelect } from '../actions';
import { Bars } from '../chart';
import { yuan } from '../format';
import { LangContext, useT } from '../i18n';

const pct = (part: number | null, whole: number) =>
  part === null ? '—' : whole ? `${((100 * part) / whole).toFixed(1)}%` : '—';
const rate = (r: number | null) => (r === null ? '—' : `${(100 * r).toFixed(1)}%`);

export function FiguresPage() {
  const t = useT();
  const { lang } = useContext(LangContext);
  const zh = lang === 'zh';
  // The period defaults to the bureau's year to date: the days are China's (UTC+8), as every date the cases
  // record, whatever the browser's time zone — past 16:00 UTC a browser elsewhere would still be on yesterday.
  const [range, setRange] = useState<[string, string]>(() => {
    const today = chinaDateOf(Date.now());
    return [`${today.slice(0, 4)}-01-01`, today];
  });
  const [unitId, setUnitId] = useState<string | undefined>();
  const q = query({ from: range[0], to: range[1], unitId });
  const { data } = usePoll<Figures>(`/api/figures${q}`, 60_000);
  const rows = data?.byUnit ?? [];
  const filed = useMemo(
    () => ({
      categories: rows.map((u) => u.unitId),
      series: [
        { name: t('filed'), data: rows.map((u) => u.filed) },
        { name: t('closed'), data: rows.map((u) => u.closed) },
        { name: zh ? '处罚决定' : 'Decisions', data: rows.map((u) => u.decisions.count) },
        { name: zh ? '移送司法' : 'Criminal transfers', data: rows.map((u) => u.transfers.decided) },
      ],
    }),
    [data, lang],
  );
  const rates = useMemo(
    () => ({
      categories: (data?.onTime ?? []).map((o) => o.clock),
      series: [
        {
          name: t('onTimeRate'),
          data: (data?.onTime ?? []).map((o) => (o.ended ? Math.round((1000 * o.onTime) / o.ended) / 10 : 0)),
        },
      ],
    }),
    [data, lang],
  );
  const col = (title: string, render: (u: UnitFigures) => string | number) => ({
    title,
    key: title,
    render: (_: unknown, u: UnitFigures) => render(u),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={t('figures')}
        extra={
          <Space wrap>
            {t('period')}
            <DatePicker.RangePicker
              value={[dayjs(range[0]), dayjs(range[1])]}
              allowClear={false}
              onChange={(v) =>
                v?.[0] && v[1] && setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])
              }
            />
            <UnitSelect value={unitId} onChange={setUnitId} />
            <a href={`/api/figures.csv${q}`} download data-testid="csv">
              {t('exportCsv')}
            </a>
          </Space>
        }
      >
        <Bars {...filed} testId="figures-chart" />
      </Card>
      <Card title={t('byUnit')}>
        <Table<UnitFigures>
          rowKey="unitId"
          size="small"
          pagination={false}
          dataSource={rows}
          data-testid="figures"
          scroll={{ x: true }}
          columns={[
            { title: t('unit'), dataIndex: 'unitId', fixed: 'left' },
            col(zh ? '登记案件' : 'Registered', (u) => u.filed),
            col(t('closed'), (u) => u.closed),
            col(zh ? '处罚决定' : 'Decisions', (u) => u.decisions.count),
            col(zh ? '罚款' : 'Fines', (u) => yuan(u.decisions.fineFen)),
            col(zh ? '没收' : 'Confiscated', (u) =>
              yuan(u.decisions.confiscatedGainsFen + u.decisions.confiscatedPropertyFen),
            ),
            col(
              zh ? '投诉7个工作日内受理决定' : 'Complaints decided in 7 WD',
              (u) =>
                `${u.complaints.decidedOnTime}/${u.complaints.received} (${pct(u.complaints.decidedOnTime, u.complaints.received)})`,
            ),
            col(
              zh ? '调解成功率' : 'Mediation success',
              (u) => `${u.mediation.succeeded}/${u.mediation.attempted} (${rate(u.mediation.successRate)})`,
            ),
            col(
              zh ? '12315 办结率' : '12315 closure',
              (u) =>
                `${u.channel12315.closed}/${u.channel12315.received} (${rate(u.channel12315.closureRate)})`,
            ),
            col(
              zh ? '20个工作日内公示' : 'Published in 20 WD',
              (u) =>
                `${u.publicity.onTime ?? '—'}/${u.publicity.published} (${pct(u.publicity.onTime, u.publicity.published)})`,
            ),
            col(zh ? '移送司法机关' : 'Criminal transfers', (u) => u.transfers.decided),
          ]}
        />
      </Card>
      <Card title={t('onTimeRate')}>
        <Bars {...rates} percent />
        <Table
          rowKey="clock"
          size="small"
          pagination={false}
          dataSource={data?.onTime ?? []}
          columns={[
            { title: zh ? '期限' : 'Period', dataIndex: 'clock' },
            { title: zh ? '已结束' : 'Ended', dataIndex: 'ended' },
            { title: zh ? '按期' : 'On time', dataIndex: 'onTime' },
            { title: '%', render: (_: unknown, o: Figures['onTime'][number]) => pct(o.onTime, o.ended) },
          ]}
        />
      </Card>
    </Space>
  );
}
