import { useQuery } from "@tanstack/react-query";
import { Alert, Badge, Card, Col, Empty, List, Row, Space, Spin, Typography } from "antd";
import { Link } from "react-router";
import type { TaskBriefOut } from "../../../schemas/tasks.js";
import { api } from "../../api/client.js";
import { useT } from "../../i18n/index.js";
import { LightTag, TaskStateTag } from "./parts.js";

type Bucket = { total: number; items: TaskBriefOut[] };
type Work = Record<"sign" | "report" | "fix", Bucket> & Partial<Record<"verify" | "review" | "reassign", Bucket>>;
const ORDER = ["sign", "fix", "report", "verify", "review", "reassign"] as const;

/** What my unit must do now, most urgent first in each list. */
export function MyWorkPage() {
  const t = useT();
  const work = useQuery({ queryKey: ["/api/my-work"], queryFn: () => api.get<Work>("/api/my-work") });
  if (work.isLoading) return <Spin />;
  if (!work.data) return <Alert type="error" showIcon title={t("common.loadFailed")} />;
  const buckets = ORDER.filter((k) => work.data[k]);
  return (
    <Row gutter={[16, 16]}>
      {buckets.map((key) => {
        const bucket = work.data[key]!;
        return (
          <Col key={key} xs={24} lg={12}>
            <Card
              size="small"
              title={
                <Space>
                  {t(`myWork.${key}`)}
                  <Badge
                    count={bucket.total}
                    showZero
                    color={bucket.total ? "#b71c1c" : "#bbb"}
                    data-testid={`my-work-${key}-count`}
                  />
                </Space>
              }
              data-testid={`my-work-${key}`}
            >
              {bucket.items.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("myWork.nothing")} />
              ) : (
                <List
                  size="small"
                  dataSource={bucket.items}
                  renderItem={(task) => (
                    <List.Item extra={<LightTag task={task} />}>
                      <Space direction="vertical" size={0}>
                        <Link to={`/tasks/${task.id}`}>{`#${task.number} ${task.title}`}</Link>
                        <Space size={4} wrap>
                          <TaskStateTag state={task.state} />
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {task.leadUnit.name} · {t("task.dueOn")} {task.dueOn}
                          </Typography.Text>
                        </Space>
                      </Space>
                    </List.Item>
                  )}
                />
              )}
              {bucket.total > bucket.items.length && <Link to="/tasks">{t("myWork.more", { total: bucket.total })}</Link>}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
