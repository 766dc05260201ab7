import { BulbOutlined, CheckOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, List, Space, Tag, Typography } from "antd";
import { api } from "../../api/client.js";
import { useI18n } from "../../i18n/index.js";

interface Suggestion {
  unit: { id: string; name: string; nameEn: string | null };
  score: number;
  similar: { directiveId: string; text: string; meetingTitle: string; similarity: number }[];
  keywords: string[];
}

const clip = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Lead units Luoshi suggests for a directive, each with why; one click puts it in the form. */
export function LeadSuggestions({
  directiveId,
  chosen,
  onAccept,
}: {
  directiveId: string;
  chosen?: string;
  onAccept: (unit: { id: string; label: string }) => void;
}) {
  const { t, locale } = useI18n();
  const query = useQuery({
    queryKey: ["lead-suggestions", directiveId],
    queryFn: () => api.get<{ items: Suggestion[] }>(`/api/directives/${directiveId}/lead-suggestions`),
  });
  const items = query.data?.items ?? [];
  if (!query.isLoading && !items.length) return null;
  const name = (u: Suggestion["unit"]) => (locale === "en" && u.nameEn ? u.nameEn : u.name);
  return (
    <List<Suggestion>
      size="small"
      bordered
      loading={query.isLoading}
      style={{ marginBottom: 16 }}
      header={
        <Space>
          <BulbOutlined />
          {t("suggest.title")}
        </Space>
      }
      dataSource={items}
      data-testid="lead-suggestions"
      renderItem={(s) => (
        <List.Item
          actions={[
            chosen === s.unit.id ? (
              <Tag icon={<CheckOutlined />} color="success" key="chosen">
                {t("suggest.chosen")}
              </Tag>
            ) : (
              <Button
                size="small"
                key="use"
                onClick={() => onAccept({ id: s.unit.id, label: name(s.unit) })}
                data-testid="suggest-use"
              >
                {t("suggest.use")}
              </Button>
            ),
          ]}
        >
          <List.Item.Meta
            title={<span data-testid="suggest-unit">{name(s.unit)}</span>}
            description={
              <Space direction="vertical" size={0}>
                {s.similar.length > 0 && (
                  <Typography.Text type="secondary">
                    {t("suggest.similar", {
                      count: s.similar.length,
                      meeting: s.similar[0].meetingTitle,
                      text: clip(s.similar[0].text),
                      percent: Math.round(s.similar[0].similarity * 100),
                    })}
                  </Typography.Text>
                )}
                {s.keywords.length > 0 && (
                  <Typography.Text type="secondary">
                    {t("suggest.keywords", { keywords: s.keywords.join(locale === "en" ? ", " : "、") })}
                  </Typography.Text>
                )}
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}
