import { Table } from "antd";
import { useT } from "../i18n/index.js";

/** A cell an import could not take: where it is, what it holds, and why. */
export interface ImportProblem {
  sheet: string;
  row: number;
  column: string;
  value: string;
  reason: string;
}

/** Every bad cell of a refused import, in reading order, paged past ten. */
export function ImportProblems({ problems, testId }: { problems: ImportProblem[]; testId: string }) {
  const t = useT();
  return (
    <Table<ImportProblem>
      rowKey={(p) => `${p.sheet}-${p.row}-${p.column}`}
      size="small"
      style={{ marginTop: 12 }}
      dataSource={problems}
      pagination={problems.length > 10 ? { pageSize: 10 } : false}
      data-testid={testId}
      columns={[
        { title: t("project.sheet"), dataIndex: "sheet", width: 120 },
        { title: t("project.row"), dataIndex: "row", width: 70 },
        { title: t("project.column"), dataIndex: "column", width: 120 },
        { title: t("project.cell"), dataIndex: "value", width: 150, ellipsis: true },
        { title: t("project.reason"), dataIndex: "reason" },
      ]}
    />
  );
}
