// The supervisor's deadline board (督查督办): every open deadline of my units that is overdue or due within the
// horizon, counts by unit, drill-down to the case (its timeline holds the warnings and escalations).
import { Card, Col, InputNumber, Row, Space, Statistic, Table, Tag } from 'antd';
import { useContext, useMemo, useState } from 'react';
import { query, usePoll } from '../api';
import { UnitSelect } from '../actions';
import { Bars } from '../chart';
import { Link, matterPath } from '../format';
import { LangContext, useT } from '../i18n';

interface Board {
  items: {
    id: string;
    caseNumber: string;
    clock: string;
    title: { zh: string; en: string } | null;
    status: string;
    unitId: string;
    dueOn: string | null;
    overdue: boolean;
  }[];
  byUnit: { unitId: string; overdue: number; atRisk: number }[];
  byOfficer: { officerId: string; overdue: number; atRisk: number }[];
}

export function BoardPage() {
  const t = useT();
  const { lang } = useContext(LangContext);
  const [horizon, setHorizon] = useState(5);
  const [unitId, setUnitId] = useState<string | undefined>();
  const { data } = usePoll<Board>(
    `/api/deadlines/board${query({ horizonDays: horizon, unitId, limit: 500 })}`,
    15_000,
  );
  const byUnit = data?.byUnit ?? [];
  const totals = byUnit.reduce((a, u) => ({ overdue: a.overdue + u.overdue, atRisk: a.atRisk + u.atRisk }), {
    overdue: 0,
    atRisk: 0,
  });
  const chart = useMemo(
    () => ({
      categories: byUnit.map((u) => u.unitId),
      series: [
        { name: t('overdue'), data: byUnit.map((u) => u.overdue), color: '#cf1322' },
        { name: t('atRisk'), data: byUnit.map((u) => u.atRisk), color: '#fa8c16' },
      ],
    }),
    [data, lang],
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={t('board')}
        extra={
          <Space wrap>
            {t('horizon')}{' '}
            <span data-testid="horizon">
              <InputNumber min={0} max={90} value={horizon} onChange={(v) => setHorizon(v ?? 5)} />
            </span>
            <UnitSelect value={unitId} onChange={setUnitId} />
          </Space>
        }
      >
        <Row gutter={16}>
          <Col span={6}>
            <Statistic
              title={t('overdue')}
              value={totals.overdue}
              styles={{ content: { color: '#cf1322' } }}
            />
          </Col>
          <Col span={6}>
            <Statistic title={t('atRisk')} value={totals.atRisk} styles={{ content: { color: '#d46b08' } }} />
          </Col>
          <Col span={12}>
            <Bars {...chart} height={180} testId="board-chart" />
          </Col>
        </Row>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('byUnit')}>
            <Table
              rowKey="unitId"
              size="small"
              pagination={false}
              dataSource={byUnit}
              columns={[
                {
                  title: t('unit'),
                  dataIndex: 'unitId',
                  render: (u: string) => <a onClick={() => setUnitId(u)}>{u}</a>,
                },
                { title: t('overdue'), dataIndex: 'overdue' },
                { title: t('atRisk'), dataIndex: 'atRisk' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('byOfficer')}>
            <Table
              rowKey="officerId"
              size="small"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={data?.byOfficer ?? []}
              data-testid="by-officer"
              columns={[
                { title: lang === 'zh' ? '办案人员' : 'Officer', dataIndex: 'officerId' },
                { title: t('overdue'), dataIndex: 'overdue' },
                { title: t('atRisk'), dataIndex: 'atRisk' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('deadlines')}>
        <Table
          rowKey="id"
          size="small"
          dataSource={data?.items ?? []}
          data-testid="board"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            {
              title: t('due'),
              dataIndex: 'dueOn',
              render: (d: string, r: Board['items'][number]) => (
                <Tag color={r.overdue ? 'red' : 'orange'}>{d}</Tag>
              ),
            },
            {
              title: t('caseNumber'),
              dataIndex: 'caseNumber',
              render: (n: string) => <Link to={matterPath(n)}>{n}</Link>,
            },
            {
              title: lang === 'zh' ? '期限' : 'Period',
              render: (_: unknown, r: Board['items'][number]) =>
                r.title ? (lang === 'zh' ? r.title.zh : r.title.en) : r.clock,
            },
            { title: t('unit'), dataIndex: 'unitId' },
            { title: t('status'), dataIndex: 'status' },
          ]}
        />
      </Card>
    </Space>
  );
}
