import type { ProjectOut, ProjectSummaryOut } from "../../schemas/projects.js";
import type { LoadedProject, ProjectSummaryRow, projectDetail } from "../queries/projects.js";

export const presentProjectSummary = (p: ProjectSummaryRow): ProjectSummaryOut => ({
  id: p.id,
  code: p.code,
  name: p.name,
  region: { id: p.regionId, name: p.regionName },
  leadUnit: { id: p.leadUnitId, name: p.leadName },
  category: p.category,
  fundType: p.fundType,
  level: p.level,
  stage: p.stage,
  totalInvestment: p.totalInvestment,
  invested: p.invested,
  lastReportPeriod: p.lastReportPeriod,
  warningLevel: p.warningLevel,
  longitude: p.longitude,
  latitude: p.latitude,
});

export function presentProject(
  p: LoadedProject,
  detail: Awaited<ReturnType<typeof projectDetail>>,
  abilities: ProjectOut["abilities"],
): ProjectOut {
  return {
    ...presentProjectSummary(p),
    ownerName: p.ownerName,
    responsibleLeader: p.responsibleLeader,
    industry: p.industry,
    description: p.description,
    address: p.address,
    ...detail,
    warnings: detail.warnings.map((w) => ({
      id: w.id,
      kind: w.kind,
      node: w.node,
      level: w.level,
      detail: w.detail as Record<string, string | number>,
      history: w.history,
      raisedOn: w.raisedOn,
      clearedOn: w.clearedOn,
    })),
    version: p.version,
    abilities,
  };
}
