// Up to three questions an expression of interest must answer.
import { Button, Form, Input, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export function ScreeningQuestionsField() {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('listing.screeningQuestions')} extra={t('form.screeningHint')}>
      <Form.List name="screening_questions">
        {(items, { add, remove }) => (
          <>
            {items.map(({ key, name }, i) => (
              <Space key={key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item name={name} rules={[{ required: true, whitespace: true, message: t('auth.fieldRequired') }]}>
                  <Input maxLength={1000} aria-label={`${t('listing.screeningQuestions')} ${i + 1}`} style={{ width: 480, maxWidth: '70vw' }} />
                </Form.Item>
                <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('form.remove')} onClick={() => remove(name)} />
              </Space>
            ))}
            {items.length < 3 && <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>{t('form.addQuestion')}</Button>}
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
