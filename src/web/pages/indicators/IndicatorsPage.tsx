import { FileTextOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Card, Space, Tabs } from "antd";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { useAbility } from "../../api/session.js";
import { useT } from "../../i18n/index.js";
import { CatalogTable } from "./CatalogTable.js";
import { IndicatorImport } from "./IndicatorImport.js";
import { MonthFigures } from "./MonthFigures.js";

/** Economic indicators: the month's figures against targets, and the catalog. */
export function IndicatorsPage() {
  const t = useT();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const canImport = useAbility("indicator.import");
  const [importing, setImporting] = useState(false);
  const tab = search.get("tab") ?? "figures";
  return (
    <Card
      title={t("nav.indicators")}
      extra={
        <Space wrap>
          <Button icon={<FileTextOutlined />} onClick={() => navigate("/analyses")}>
            {t("ind.analyses")}
          </Button>
          {canImport && (
            <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="indicator-import">
              {t("ind.import")}
            </Button>
          )}
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setSearch({ tab: k }, { replace: true })}
        items={[
          { key: "figures", label: t("ind.figures"), children: <MonthFigures /> },
          { key: "catalog", label: t("ind.catalog"), children: <CatalogTable /> },
        ]}
      />
      <IndicatorImport open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}
