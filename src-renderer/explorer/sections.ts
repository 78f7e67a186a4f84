/** The five sections of the Vidensdatabase and their routes (#/viden/<slug>). */
export const sections = [
  { slug: 'maalgrupper', label: 'Målgrupper', intro: "Viden om de målgrupper, der er anvendt i SØM til at beregne konsekvenser." },
  { slug: 'effektstudier', label: 'Effektstudier', intro: "Viden om alle de effektmål, der er indeholdt i SØM's litteraturdatabase." },
  { slug: 'konsekvenser', label: 'Konsekvenser', intro: 'Viden om de konsekvenser, der er opgjort for alle målgrupper.' },
  { slug: 'priser', label: 'Priser', intro: "Oversigt over alle priser i SØM." },
  { slug: 'anden-viden', label: 'Anden viden', intro: 'Anden viden, der er anvendt: prisindeks, rente og skattesatser.' },
] as const;

export type SectionSlug = (typeof sections)[number]['slug'];

export function sectionFor(slug: string | undefined): (typeof sections)[number] {
  return sections.find((s) => s.slug === slug) ?? sections[0];
}
