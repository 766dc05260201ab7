import { PlusOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Input, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { ROLES } from "../../domain/people.js";
import type { UserOut } from "../../schemas/users.js";
import { useAbility, useSession } from "../api/session.js";
import { ActiveSelect } from "../components/ActiveSelect.js";
import { ActiveToggle } from "../components/ActiveToggle.js";
import { Pager, sortFrom, useCursorPages } from "../components/paging.js";
import { RemoteSelect } from "../components/RemoteSelect.js";
import { StatusTag } from "../components/StatusTag.js";
import { useI18n } from "../i18n/index.js";
import { ResetPasswordModal, UserForm } from "./UserForm.js";

export function UsersPage() {
  const { t, locale } = useI18n();
  const canEdit = useAbility("user.update");
  const me = useSession().session!.user.id;
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<{
    q?: string;
    unitId?: string;
    role?: string;
    active: string;
    sort: string;
    order: string;
  }>({ active: "all", sort: "username", order: "asc" });
  const [editing, setEditing] = useState<UserOut | "new" | null>(null);
  const [resetting, setResetting] = useState<UserOut | null>(null);
  const pages = useCursorPages<UserOut>("/api/users", { ...filters, limit: 20 });
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale) : "—");

  return (
    <Card
      title={t("user.title")}
      extra={
        canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")} data-testid="new-user">
            {t("common.create")}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t("user.searchPlaceholder")}
          onSearch={(q) => setFilters({ ...filters, q })}
          style={{ width: 240 }}
          data-testid="user-search"
        />
        <div style={{ width: 220 }}>
          <RemoteSelect
            path="/api/units"
            allowClear
            placeholder={t("user.unit")}
            value={filters.unitId}
            onChange={(v) => setFilters({ ...filters, unitId: v ?? undefined })}
          />
        </div>
        <Select
          allowClear
          placeholder={t("user.roles")}
          style={{ width: 140 }}
          value={filters.role}
          onChange={(role) => setFilters({ ...filters, role })}
          options={ROLES.map((r) => ({ value: r, label: t(`user.role.${r}`) }))}
        />
        <ActiveSelect value={filters.active} onChange={(active) => setFilters({ ...filters, active })} />
      </Space>
      {pages.query.isError && (
        <Alert
          type="error"
          showIcon
          title={t("common.loadFailed")}
          action={<Button onClick={() => pages.query.refetch()}>{t("common.retry")}</Button>}
        />
      )}
      <Table<UserOut>
        rowKey="id"
        loading={pages.query.isFetching}
        dataSource={pages.items}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t("common.empty") }}
        onChange={(_p, _f, sorter) =>
          setFilters({ ...filters, ...sortFrom(sorter, ["username", "displayName", "createdAt"], "username") })
        }
        columns={[
          { title: t("user.username"), key: "username", dataIndex: "username", sorter: true },
          { title: t("user.displayName"), key: "displayName", dataIndex: "displayName", sorter: true },
          { title: t("user.unit"), dataIndex: "unitName" },
          {
            title: t("user.roles"),
            dataIndex: "roles",
            render: (roles: UserOut["roles"]) => roles.map((r) => <Tag key={r}>{t(`user.role.${r}`)}</Tag>),
          },
          { title: t("user.lastLogin"), dataIndex: "lastLoginAt", render: when },
          { title: t("common.createdAt"), key: "createdAt", dataIndex: "createdAt", sorter: true, render: when },
          { title: t("common.status"), key: "active", render: (_, u) => <StatusTag active={u.active} /> },
          ...(canEdit
            ? [
                {
                  title: t("common.actions"),
                  key: "actions",
                  fixed: "right" as const,
                  render: (_: unknown, u: UserOut) => (
                    <Space size={0} wrap>
                      <Button type="link" size="small" onClick={() => setEditing(u)}>
                        {t("common.edit")}
                      </Button>
                      <Button type="link" size="small" onClick={() => setResetting(u)}>
                        {t("user.resetPassword")}
                      </Button>
                      {u.id !== me && <ActiveToggle path="/api/users" record={{ ...u, name: u.displayName }} />}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Pager pages={pages} />
      {editing && (
        <UserForm
          user={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            queryClient.invalidateQueries();
          }}
        />
      )}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </Card>
  );
}
