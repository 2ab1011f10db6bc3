// One listing in a result list: title, tags for field/region/TRL/modes and the price or budget.
import { Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { NeedOut, OutputOut } from '../api/types';
import { useTaxonomy } from '../hooks/useTaxonomy';
import { AmountText } from './AmountText';

type Props = { kind: 'outputs'; item: OutputOut } | { kind: 'needs'; item: NeedOut };

export function ListingSummary(props: Props) {
  const { t } = useTranslation();
  const { fieldName, regionName } = useTaxonomy();
  const { item } = props;
  const text = props.kind === 'outputs' ? props.item.summary : props.item.description;
  const trl = props.kind === 'outputs' ? props.item.trl : props.item.target_trl;
  const modes = props.kind === 'outputs' ? props.item.transfer_modes : props.item.cooperation_modes;
  return (
    <Card size="small" className="listing-card" data-testid="listing-card">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        <Link to={`/${props.kind}/${item.id}`}>{item.title}</Link>
      </Typography.Title>
      {text && <Typography.Paragraph ellipsis={{ rows: 2 }} type="secondary">{text}</Typography.Paragraph>}
      <Space size={[4, 4]} wrap>
        {item.field_code && <Tag color="blue">{fieldName(item.field_code)}</Tag>}
        {item.region && <Tag>{regionName(item.region)}</Tag>}
        {trl && <Tag color="purple">{t('listing.trlValue', { value: trl })}</Tag>}
        {modes.slice(0, 3).map((m) => <Tag key={m}>{t(`mode.${m}`)}</Tag>)}
        <Typography.Text strong className="amount">
          {props.kind === 'outputs' ? <AmountText output={props.item} /> : <AmountText need={props.item} />}
        </Typography.Text>
      </Space>
    </Card>
  );
}
