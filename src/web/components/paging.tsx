import { LeftOutlined, RightOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { api, type Page } from "../api/client.js";
import { useT } from "../i18n/index.js";

type Filters = Record<string, string | number | boolean | undefined | null>;

/** Keyset pages: a stack of cursors makes "previous" possible; a change of filters starts over. */
export function useCursorPages<T>(path: string, filters: Filters, enabled = true) {
  const filterKey = JSON.stringify(filters);
  const [state, setState] = useState<{ key: string; cursors: (string | undefined)[] }>({ key: filterKey, cursors: [undefined] });
  const cursors = state.key === filterKey ? state.cursors : [undefined];
  useEffect(() => {
    if (state.key !== filterKey) setState({ key: filterKey, cursors: [undefined] });
  }, [filterKey, state.key]);
  const cursor = cursors[cursors.length - 1];
  const query = useQuery({
    queryKey: [path, filters, cursor ?? null],
    queryFn: () => api.get<Page<T>>(path, { ...filters, cursor }),
    placeholderData: keepPreviousData,
    enabled,
  });
  return {
    query,
    items: query.data?.items ?? [],
    total: query.data?.total ?? 0,
    totalCapped: query.data?.totalCapped ?? false,
    pageNumber: cursors.length,
    hasPrev: cursors.length > 1,
    hasNext: !!query.data?.nextCursor,
    next: () => query.data?.nextCursor && setState({ key: filterKey, cursors: [...cursors, query.data.nextCursor] }),
    prev: () => setState({ key: filterKey, cursors: cursors.slice(0, -1) }),
  };
}

export function Pager({ pages }: { pages: ReturnType<typeof useCursorPages<unknown>> | ReturnType<typeof useCursorPages<any>> }) {
  const t = useT();
  return (
    <Space style={{ marginTop: 12, justifyContent: "flex-end", width: "100%" }} wrap>
      <Typography.Text type="secondary" data-testid="total">
        {t(pages.totalCapped ? "common.totalCapped" : "common.total", { total: pages.total })}
      </Typography.Text>
      <Button size="small" icon={<LeftOutlined />} disabled={!pages.hasPrev} onClick={pages.prev}>
        {t("common.prev")}
      </Button>
      <Typography.Text>{pages.pageNumber}</Typography.Text>
      <Button size="small" disabled={!pages.hasNext} onClick={pages.next}>
        {t("common.next")} <RightOutlined />
      </Button>
    </Space>
  );
}

/** antd Table sorter → the API's sort and order. */
export function sortFrom(sorter: unknown, allowed: string[], fallback: string): { sort: string; order: "asc" | "desc" } {
  const s = (Array.isArray(sorter) ? sorter[0] : sorter) as
    | { field?: string; columnKey?: string; order?: "ascend" | "descend" | null }
    | undefined;
  const field = String(s?.columnKey ?? s?.field ?? "");
  if (!s?.order || !allowed.includes(field)) return { sort: fallback, order: "asc" };
  return { sort: field, order: s.order === "descend" ? "desc" : "asc" };
}
