"""Content catalogue of the demo seed: measure ideas, needs and foci that `demo_strategy` picks from per town.

Pure data, no database access. Texts may carry the placeholders {town}, {centre}, {district} and {district2},
filled per town; {centre} is always a feminine noun ("Innenstadt", "Ortsmitte", "Oberstadt"). Kinds say for which
towns an entry fits: "small" (rural small towns), "medium", "large". User groups are named by short keys (see
GROUPS), partners by archetype keys (see demo_strategy.PARTNERS).
"""

from __future__ import annotations

from dataclasses import dataclass, field

SMALL, MEDIUM, LARGE = "small", "medium", "large"
ALL = frozenset({SMALL, MEDIUM, LARGE})
RURAL = frozenset({SMALL})
RURAL_MEDIUM = frozenset({SMALL, MEDIUM})
URBAN = frozenset({MEDIUM, LARGE})
CITY = frozenset({LARGE})

# Short keys of the default user groups (vorort.network.models.DEFAULT_USER_GROUPS).
GROUPS = {
    "alle": "Bürger*innen",
    "jung": "Kinder und Jugendliche",
    "alt": "Ältere Menschen",
    "inkl": "Menschen mit Behinderung",
    "pendel": "Pendler*innen",
    "handel": "Handel und Gewerbe",
    "gaeste": "Gäste und Tourist*innen",
    "verein": "Vereine und Ehrenamt",
    "verw": "Verwaltung und Politik",
}

# Funding programmes: the usual share in percent (structurally weak towns get ten points more where the
# programme allows it) and for which towns the programme is open.
FUNDING = {
    "Modellprojekte Smart Cities": (65, CITY),
    "Digitalstrategie NRW": (70, ALL),
    "KfW 432 – Energetische Stadtsanierung": (75, ALL),
    "LEADER": (65, RURAL),
    "Förderprogramm Zukunftsfähige Innenstädte und Zentren": (90, ALL),
    "Kommunalrichtlinie (Nationale Klimaschutzinitiative)": (40, ALL),
    "Förderrichtlinie Nahmobilität NRW": (75, ALL),
    "Bürgerbusförderung NRW": (80, RURAL_MEDIUM),
    "Gigabitförderung (Bund und Land NRW)": (90, RURAL_MEDIUM),
    "Städtebauförderung": (70, ALL),
    "Mittelstand Innovativ & Digital (MID)": (50, ALL),
    "Heimat-Förderprogramm NRW": (80, ALL),
    "Förderrichtlinie Digitalisierung kommunaler Verkehrssysteme": (80, URBAN),
}


@dataclass(frozen=True)
class MeasureTemplate:
    key: str
    field: str  # slug of the primary action field
    title: str
    summary: str
    description: str
    unit: str  # federführende Stelle
    partners: tuple[tuple[str, str], ...]  # (partner archetype, role)
    benefits: tuple[tuple[str, int, str], ...]  # (group key, strength 0–3, text)
    risks: str
    transferability: str  # hoch, mittel, gering
    transfer_note: str
    kinds: frozenset = ALL
    further: tuple[str, ...] = ()
    invest: tuple[int, int] = (0, 0)  # EUR for a medium town; scaled by size
    running: tuple[int, int] = (0, 0)  # EUR per year
    funding: tuple[str, ...] = ()  # candidate programmes; "" = own funds
    effort: tuple[int, int] = (10, 30)  # person-days per year
    months: tuple[int, int] = (9, 24)  # typical duration
    focus: str = ""  # preferred focus key
    depends_on: tuple[str, ...] = ()  # keys of templates listed earlier
    milestones: tuple[str, ...] = ()
    intermunicipal: bool = False


M = MeasureTemplate

MEASURES: list[MeasureTemplate] = [
    # --- Verwaltung: the data foundation first, so that later templates may depend on it --------------------
    M(
        key="lorawan",
        field="verwaltung",
        further=("nachhaltigkeit",),
        title="LoRaWAN-Funknetz als kommunale Sensorik-Basis",
        summary="Ein stadtweites, offenes LoRaWAN-Netz verbindet Sensoren für Umwelt, Verkehr und Infrastruktur.",
        description=(
            "Gemeinsam mit den Stadtwerken werden Gateways auf städtischen Gebäuden und Masten installiert, die "
            "das gesamte Stadtgebiet einschließlich {district} abdecken. Das Netz ist die gemeinsame Grundlage für "
            "Pegel-, Bodenfeuchte-, Füllstands- und Parksensoren. Betrieb und Datenhoheit bleiben in kommunaler "
            "Hand; Vereine und Schulen dürfen das Netz für eigene Projekte mitnutzen."
        ),
        unit="Stabsstelle Digitalisierung",
        partners=(("stadtwerke", "Netzbetreiber"), ("it", "Betrieb des Netzwerkservers")),
        benefits=(
            ("verw", 3, "Eine Infrastruktur für alle Sensorprojekte statt vieler Insellösungen."),
            ("alle", 1, "Grundlage für spätere Dienste wie Parkinfo oder Pegelwarnung."),
            ("verein", 1, "Schulen und Vereine können eigene Messprojekte anschließen."),
        ),
        risks="Funklöcher in Tallagen; Abhängigkeit von einzelnen Hardware-Herstellern; Akzeptanz für Gateways.",
        transferability="hoch",
        transfer_note="Gateway-Standorte früh mit dem Gebäudemanagement klären; offene Netzwerkserver-Software "
        "vermeidet Lizenzbindung.",
        invest=(45_000, 90_000),
        running=(6_000, 12_000),
        funding=("Digitalstrategie NRW", "Modellprojekte Smart Cities", ""),
        effort=(20, 40),
        months=(6, 12),
        focus="daten",
        milestones=("Funkplanung abgeschlossen", "Gateways installiert", "Netz im Regelbetrieb"),
    ),
    M(
        key="datenplattform",
        field="verwaltung",
        title="Urbane Datenplattform",
        summary="Eine offene Datenplattform bündelt Sensor-, Geo- und Verwaltungsdaten in Echtzeit.",
        description=(
            "Die Plattform sammelt Daten aus dem LoRaWAN-Netz, aus Fachverfahren und von Partnern wie den "
            "Stadtwerken und stellt sie über standardisierte Schnittstellen bereit. Dashboards unterstützen die "
            "Fachbereiche bei Entscheidungen, zum Beispiel zu Hitze, Verkehr oder Energie. Die Plattform basiert "
            "auf offener Software und DIN SPEC 91357."
        ),
        unit="Amt für Digitalisierung und Informationstechnik",
        partners=(
            ("it", "Betrieb und Hosting"),
            ("hochschule", "wissenschaftliche Begleitung"),
            ("stadtwerke", "Datenlieferant"),
        ),
        benefits=(
            ("verw", 3, "Entscheidungen auf Basis aktueller Daten statt Einzelgutachten."),
            ("handel", 1, "Frequenz- und Verkehrsdaten für eigene Planungen."),
            ("alle", 1, "Transparenz über Umwelt- und Verkehrsdaten."),
        ),
        risks="Hoher Abstimmungsaufwand zwischen Fachbereichen; Datenschutz bei personenbeziehbaren Daten; "
        "fehlende Fachkräfte für den Betrieb.",
        transferability="mittel",
        transfer_note="Für kleinere Kommunen lohnt ein gemeinsamer Plattformbetrieb mit dem Kreis oder dem "
        "kommunalen IT-Dienstleister.",
        kinds=CITY,
        invest=(180_000, 350_000),
        running=(30_000, 60_000),
        funding=("Modellprojekte Smart Cities", "Digitalstrategie NRW"),
        effort=(60, 120),
        months=(18, 30),
        focus="daten",
        depends_on=("lorawan",),
        milestones=("Ausschreibung veröffentlicht", "Plattform in Betrieb", "Erste Fachdashboards freigegeben"),
    ),
    M(
        key="opendata",
        field="verwaltung",
        further=("zivilgesellschaft",),
        title="Open-Data-Portal {town}",
        summary="Die Stadt veröffentlicht ihre Daten offen, maschinenlesbar und unter freier Lizenz.",
        description=(
            "Ein Open-Data-Portal stellt Haushalts-, Geo-, Verkehrs- und Umweltdaten unter der Lizenz "
            "„Datenlizenz Deutschland – Zero“ bereit und meldet sie an Open.NRW. Die Fachbereiche benennen "
            "Datenverantwortliche; ein jährlicher Open-Data-Tag lädt die Civic-Tech-Szene zur Nutzung ein."
        ),
        unit="Stabsstelle Digitalisierung",
        partners=(("it", "technischer Betrieb"), ("digitalinitiative", "Community und Anwendungsideen")),
        benefits=(
            ("alle", 2, "Nachvollziehbare Informationen über Haushalt, Umwelt und Verkehr."),
            ("handel", 1, "Daten für Standortanalysen und neue Dienste."),
            ("verw", 2, "Weniger Einzelanfragen, Daten werden einmal gepflegt und vielfach genutzt."),
            ("jung", 1, "Echte Daten für Schulprojekte und Hackathons."),
        ),
        risks="Datensätze veralten ohne klare Zuständigkeit; Vorbehalte in den Fachbereichen.",
        transferability="hoch",
        transfer_note="Mit wenigen, gut gepflegten Datensätzen starten; Vorlagen für Datenverantwortliche "
        "stellen wir gern zur Verfügung.",
        kinds=URBAN,
        invest=(25_000, 60_000),
        running=(5_000, 15_000),
        funding=("Digitalstrategie NRW", ""),
        effort=(20, 50),
        months=(6, 12),
        focus="daten",
        depends_on=("datenplattform",),
        milestones=("Datenkatalog erstellt", "Portal online", "Erster Open-Data-Tag"),
    ),
    M(
        key="serviceportal",
        field="verwaltung",
        title="Digitale Bürgerdienste im Serviceportal",
        summary="Die 30 meistgenutzten Verwaltungsleistungen werden vollständig online angeboten.",
        description=(
            "Auf Grundlage des Onlinezugangsgesetzes werden Anträge wie Meldebescheinigung, Anwohnerparkausweis, "
            "Gewerbeanmeldung und Hundesteuer Ende-zu-Ende digitalisiert – mit BundID, E-Payment und Rückkanal "
            "ins Fachverfahren. Die Formulare werden mit Nutzer*innen getestet und in leichter Sprache erklärt."
        ),
        unit="Bürgerbüro / Organisationsamt",
        partners=(("it", "Bereitstellung der Online-Dienste"), ("seniorenbeirat", "Nutzertests")),
        benefits=(
            ("alle", 3, "Behördengänge rund um die Uhr von zu Hause erledigen."),
            ("pendel", 3, "Kein Urlaubstag mehr für den Gang zum Amt."),
            ("handel", 2, "Gewerbeanzeigen und Genehmigungen schneller digital."),
            ("verw", 2, "Weniger Publikumsverkehr und Medienbrüche."),
            ("inkl", 2, "Barrierearme Formulare mit Vorlesefunktion."),
        ),
        risks="Abhängigkeit von Landes- und Herstellerlösungen; fehlende Schnittstellen zu Fachverfahren.",
        transferability="hoch",
        transfer_note="Die „Einer für alle“-Leistungen des Landes nachnutzen, statt selbst zu entwickeln.",
        invest=(40_000, 120_000),
        running=(10_000, 30_000),
        funding=("Digitalstrategie NRW", ""),
        effort=(60, 120),
        months=(12, 30),
        focus="dienste",
        milestones=("Top-30-Leistungen priorisiert", "Erste zehn Leistungen online", "Alle 30 Leistungen online"),
    ),
    M(
        key="termin",
        field="verwaltung",
        title="Online-Terminvergabe und Aufrufsystem im Bürgerbüro",
        summary="Termine im Bürgerbüro online buchen, Wartezeit per SMS oder Anzeige verfolgen.",
        description=(
            "Ein Terminvergabesystem mit Erinnerung und Aufrufanzeige ersetzt die Wartemarken. Spontane Anliegen "
            "werden über ein Ticketsystem eingetaktet, das die Wartezeit auf der Website anzeigt. Für Menschen "
            "ohne Internet bleibt die telefonische Buchung erhalten."
        ),
        unit="Bürgerbüro",
        partners=(("it", "Einrichtung und Support"),),
        benefits=(
            ("alle", 2, "Planbare Termine statt langer Wartezeiten."),
            ("pendel", 2, "Termine in Randzeiten gezielt buchen."),
            ("alt", 1, "Telefonische Buchung bleibt, Aufruf auch optisch und akustisch."),
            ("verw", 2, "Gleichmäßigere Auslastung des Bürgerbüros."),
        ),
        risks="Nicht wahrgenommene Termine („No-Shows“); Akzeptanz bei älteren Menschen.",
        transferability="hoch",
        transfer_note="Erinnerungs-SMS senkt die Ausfallquote deutlich; Kontingente für spontane Besuche freihalten.",
        invest=(8_000, 25_000),
        running=(3_000, 8_000),
        funding=("",),
        effort=(5, 15),
        months=(3, 6),
        focus="dienste",
        milestones=("System ausgewählt", "Online-Buchung freigeschaltet"),
    ),
    M(
        key="eakte",
        field="verwaltung",
        title="E-Akte und digitaler Posteingang in der Kernverwaltung",
        summary="Die Verwaltung arbeitet schrittweise papierlos – vom Posteingang bis zur Archivierung.",
        description=(
            "Der Posteingang wird zentral gescannt und digital verteilt; die E-Akte wird Fachbereich für "
            "Fachbereich eingeführt. Begleitend werden Prozesse vereinfacht und Beschäftigte geschult. Ziel ist, "
            "dass alle Arbeitsplätze der Kernverwaltung mit der E-Akte arbeiten."
        ),
        unit="Haupt- und Personalamt",
        partners=(("it", "Einführung und Betrieb"),),
        benefits=(
            ("verw", 3, "Schneller Zugriff auf Vorgänge, mobiles Arbeiten und weniger Ablage."),
            ("alle", 1, "Kürzere Bearbeitungszeiten bei Anträgen."),
        ),
        risks="Veränderungsmüdigkeit; Doppelarbeit in der Übergangszeit; Scan-Rückstände.",
        transferability="hoch",
        transfer_note="Mit einem Pilot-Fachbereich starten, der das Projekt intern bewirbt.",
        invest=(60_000, 180_000),
        running=(15_000, 40_000),
        funding=("Digitalstrategie NRW", ""),
        effort=(80, 160),
        months=(18, 36),
        focus="intern",
        milestones=("Pilot-Fachbereich gestartet", "Zentraler Scan-Posteingang", "Rollout abgeschlossen"),
    ),
    M(
        key="maengelmelder",
        field="verwaltung",
        further=("zivilgesellschaft",),
        title="Mängelmelder-App „{town} meldet“",
        summary="Schlaglöcher, defekte Laternen oder wilder Müll werden per App mit Foto und Standort gemeldet.",
        description=(
            "Bürger*innen melden Schäden im öffentlichen Raum per App oder Website. Meldungen landen direkt im "
            "zuständigen Fachbereich, der Bearbeitungsstand ist öffentlich sichtbar. Die Auswertung der Meldungen "
            "fließt in die Planung von Unterhaltungsmaßnahmen ein."
        ),
        unit="Tiefbauamt / Baubetriebshof",
        partners=(("it", "Anbindung an die Fachverfahren"),),
        benefits=(
            ("alle", 2, "Mängel einfach melden und den Stand verfolgen."),
            ("verw", 2, "Vollständige Meldungen mit Ort und Foto, weniger Nachfragen."),
            ("inkl", 1, "Barrieren im Straßenraum gezielt melden."),
        ),
        risks="Erwartung schneller Behebung kann enttäuscht werden; Meldungen müssen verlässlich bearbeitet werden.",
        transferability="hoch",
        transfer_note="Vorher klären, wer Meldungen innerhalb welcher Frist beantwortet.",
        invest=(5_000, 15_000),
        running=(2_000, 6_000),
        funding=("",),
        effort=(10, 25),
        months=(3, 6),
        focus="dienste",
    ),
    M(
        key="ratsinfo",
        field="verwaltung",
        title="Papierlose Gremienarbeit mit Ratsinformationssystem und Tablets",
        summary="Rat und Ausschüsse arbeiten mit Tablets und einem öffentlichen Ratsinformationssystem.",
        description=(
            "Sitzungsunterlagen werden nur noch digital verteilt; Ratsmitglieder erhalten Tablets mit einer "
            "Gremien-App. Öffentliche Vorlagen und Niederschriften sind für alle im Ratsinformationssystem "
            "durchsuchbar. Schulungen begleiten die Umstellung."
        ),
        unit="Büro des Bürgermeisters / Ratsbüro",
        partners=(("it", "Gerätebereitstellung und Support"),),
        benefits=(
            ("verw", 3, "Kein Druck und Versand mehr, Unterlagen jederzeit verfügbar."),
            ("alle", 1, "Ratsentscheidungen sind leicht nachzuvollziehen."),
        ),
        risks="Akzeptanz bei einzelnen Ratsmitgliedern; Geräteverwaltung.",
        transferability="hoch",
        transfer_note="Schulung im Tandem mit erfahrenen Ratsmitgliedern hat sich bewährt.",
        kinds=RURAL_MEDIUM,
        invest=(15_000, 40_000),
        running=(4_000, 10_000),
        funding=("",),
        effort=(10, 20),
        months=(4, 9),
        focus="intern",
    ),
    M(
        key="digitalakademie",
        field="verwaltung",
        title="Digitalakademie für Beschäftigte der Verwaltung",
        summary="Ein Fortbildungsprogramm macht Beschäftigte fit für digitale Werkzeuge und neue Arbeitsweisen.",
        description=(
            "Kurze Lernformate, Sprechstunden und Digitallotsinnen und -lotsen in jedem Fachbereich vermitteln "
            "Grundlagen von der E-Akte über Videokonferenzen bis zu Datenkompetenz. Ein Ideenwettbewerb sammelt "
            "Vorschläge der Beschäftigten für digitale Verbesserungen."
        ),
        unit="Personal- und Organisationsamt",
        partners=(("vhs", "Kursangebot"), ("it", "Fachschulungen")),
        benefits=(
            ("verw", 3, "Sicherer Umgang mit digitalen Werkzeugen, weniger Frust."),
            ("alle", 1, "Bessere Beratung durch digital kompetente Beschäftigte."),
        ),
        risks="Fehlende Zeit für Fortbildung im Tagesgeschäft.",
        transferability="hoch",
        transfer_note="Lernzeiten fest im Dienstplan verankern.",
        invest=(10_000, 30_000),
        running=(8_000, 20_000),
        funding=("",),
        effort=(20, 40),
        months=(12, 24),
        focus="intern",
    ),
    M(
        key="interkommunal",
        field="verwaltung",
        title="Gemeinsame Digitalisierungsstelle mit den Nachbarkommunen",
        summary="Kleine Kommunen teilen sich Fachpersonal für Digitalisierung, IT-Sicherheit und Datenschutz.",
        description=(
            "Nach dem Vorbild interkommunaler Bauhöfe wird eine gemeinsame Stelle für Digitalisierung eingerichtet, "
            "die Projekte für mehrere Kommunen ausschreibt, betreut und auswertet. Die Kosten werden nach "
            "Einwohnerzahl geteilt. So können auch kleine Verwaltungen Fachwissen dauerhaft halten."
        ),
        unit="Bürgermeister / Hauptamt",
        partners=(("kreis", "Koordination und Anschubfinanzierung"), ("it", "technische Beratung")),
        benefits=(
            ("verw", 3, "Fachwissen, das eine kleine Verwaltung allein nicht halten könnte."),
            ("alle", 1, "Digitale Angebote kommen schneller."),
        ),
        risks="Abstimmungsaufwand zwischen den Räten; unterschiedliche IT-Landschaften.",
        transferability="hoch",
        transfer_note="Eine öffentlich-rechtliche Vereinbarung mit klarer Kostenverteilung schafft Verlässlichkeit.",
        kinds=RURAL_MEDIUM,
        invest=(0, 10_000),
        running=(45_000, 70_000),
        funding=("LEADER", "Digitalstrategie NRW", ""),
        effort=(15, 30),
        months=(6, 12),
        focus="intern",
        intermunicipal=True,
    ),
    M(
        key="chatbot",
        field="verwaltung",
        title="KI-gestützter Chatbot für Bürgeranfragen",
        summary="Ein Chatbot beantwortet häufige Fragen rund um die Uhr und leitet zu den passenden Diensten.",
        description=(
            "Der Chatbot wird mit geprüften Inhalten der städtischen Website trainiert und beantwortet Fragen zu "
            "Öffnungszeiten, Abfall oder Anträgen in mehreren Sprachen. Antworten verweisen immer auf die Quelle; "
            "komplexe Anliegen werden an das Bürgertelefon übergeben. Der Einsatz wird datenschutzkonform und "
            "transparent gekennzeichnet."
        ),
        unit="Bürgerbüro / Stabsstelle Digitalisierung",
        partners=(("hochschule", "Evaluation"), ("it", "Betrieb")),
        benefits=(
            ("alle", 2, "Auskunft rund um die Uhr, auch in Englisch, Türkisch und Ukrainisch."),
            ("verw", 2, "Entlastung des Bürgertelefons bei Standardfragen."),
        ),
        risks="Falsche Antworten; Datenschutz; laufende Pflege der Wissensbasis.",
        transferability="mittel",
        transfer_note="Erst die Website-Inhalte aufräumen – der Chatbot ist nur so gut wie sie.",
        kinds=URBAN,
        invest=(20_000, 60_000),
        running=(8_000, 20_000),
        funding=("Digitalstrategie NRW", ""),
        effort=(15, 30),
        months=(6, 12),
        depends_on=("serviceportal",),
        focus="dienste",
    ),
    M(
        key="geoportal",
        field="verwaltung",
        further=("wohnen",),
        title="Geodatenportal und 3D-Stadtmodell",
        summary="Pläne, Luftbilder und ein 3D-Stadtmodell stehen intern und öffentlich im Browser bereit.",
        description=(
            "Bebauungspläne, Leitungsauskünfte, Schulwege und Solarpotenziale werden in einem Geoportal gebündelt. "
            "Ein 3D-Stadtmodell auf Basis der Landesdaten unterstützt Planung und Beteiligung. Das Portal ist die "
            "Kartengrundlage für weitere Smart-City-Anwendungen."
        ),
        unit="Vermessungs- und Katasteramt",
        partners=(("kreis", "Geodaten-Infrastruktur"), ("hochschule", "3D-Modellierung")),
        benefits=(
            ("verw", 3, "Gemeinsame Kartengrundlage für alle Fachbereiche."),
            ("alle", 1, "Pläne online einsehen statt im Amt."),
            ("handel", 1, "Standortinformationen für Investitionen."),
        ),
        risks="Datenaktualität; Rechenleistung für 3D-Darstellung.",
        transferability="mittel",
        transfer_note="Landesdaten (3D-Gebäudemodelle LoD2) sind frei verfügbar und ein guter Start.",
        kinds=URBAN,
        invest=(30_000, 90_000),
        running=(6_000, 15_000),
        funding=("Digitalstrategie NRW", "Modellprojekte Smart Cities", ""),
        effort=(25, 50),
        months=(9, 18),
        focus="daten",
    ),
    # --- Mobilität -----------------------------------------------------------------------------------------
    M(
        key="buergerbus",
        field="mobilitaet",
        further=("zivilgesellschaft",),
        title="Bürgerbus mit digitaler Buchung",
        summary="Der ehrenamtliche Bürgerbus verbindet {district} und {district2} mit der {centre} – "
        "buchbar per App und Telefon.",
        description=(
            "Ehrenamtliche Fahrerinnen und Fahrer betreiben einen Kleinbus im festen Takt mit Bedarfshalten. Eine "
            "Buchungs-App mit Echtzeitposition zeigt, wann der Bus kommt; wer kein Smartphone hat, bucht am "
            "Telefon. Der Bürgerbusverein erhält ein barrierefreies Fahrzeug und Unterstützung bei der "
            "Gewinnung neuer Fahrer*innen."
        ),
        unit="Fachbereich Planen und Bauen / Mobilität",
        partners=(
            ("buergerbus", "Betreiber (ehrenamtlich)"),
            ("verkehr", "Konzessionsinhaber"),
            ("kreis", "Aufgabenträger ÖPNV"),
        ),
        benefits=(
            ("alt", 3, "Selbstständig zum Arzt, zum Einkaufen und zum Markt, ohne auf Angehörige angewiesen zu sein."),
            ("jung", 2, "Mobil zu Sportverein und Freund*innen in den Nachbarortsteilen."),
            ("inkl", 2, "Niederflurbus mit Rampe."),
            ("verein", 2, "Ehrenamtliches Engagement mit großer Sichtbarkeit."),
            ("alle", 1, "Eine Alternative zum Zweitwagen."),
        ),
        risks="Nachwuchs bei den ehrenamtlichen Fahrer*innen; Ersatzfahrzeug bei Ausfall.",
        transferability="hoch",
        transfer_note="Fahrer*innen-Gewinnung über Vereine und Betriebe; das Buchungssystem gemeinsam mit anderen "
        "Bürgerbusvereinen beschaffen.",
        kinds=RURAL_MEDIUM,
        invest=(90_000, 130_000),
        running=(12_000, 20_000),
        funding=("Bürgerbusförderung NRW", "LEADER"),
        effort=(15, 30),
        months=(6, 12),
        focus="mobland",
        milestones=("Fahrzeug bestellt", "Buchungs-App getestet", "Linienbetrieb gestartet"),
    ),
    M(
        key="mitfahrbank",
        field="mobilitaet",
        title="Mitfahrbänke und digitale Mitfahrbörse",
        summary="Mitfahrbänke an den Ortsausgängen und eine Mitfahrbörse für regelmäßige Fahrten in die {centre}.",
        description=(
            "An gut sichtbaren Stellen werden Mitfahrbänke mit Zielschildern aufgestellt. Ergänzend vermittelt eine "
            "Mitfahrbörse regelmäßige Fahrten, etwa zum Bahnhof oder zu den großen Arbeitgebern. Die Aktion wird "
            "mit Kirchengemeinden, Heimatvereinen und Arbeitgebern bekannt gemacht."
        ),
        unit="Ordnungsamt / Mobilität",
        partners=(("heimatverein", "Patenschaften für die Bänke"), ("kreis", "Einbindung in die Mitfahrbörse")),
        benefits=(
            ("alt", 2, "Spontan mitfahren ohne eigenes Auto."),
            ("jung", 2, "Sicher zum Bahnhof oder zur Schule."),
            ("pendel", 2, "Fahrgemeinschaften einfach finden."),
        ),
        risks="Geringe Nutzung ohne aktive Bewerbung; Sicherheitsbedenken.",
        transferability="hoch",
        transfer_note="Kostengünstiger Einstieg; Erfolg hängt an lokalen Kümmerer*innen.",
        kinds=RURAL,
        invest=(4_000, 9_000),
        running=(500, 1_500),
        funding=("Heimat-Förderprogramm NRW", "LEADER", ""),
        effort=(5, 10),
        months=(3, 6),
        focus="mobland",
    ),
    M(
        key="ondemand",
        field="mobilitaet",
        title="On-Demand-Shuttle für {district} und {district2}",
        summary="Ein per App buchbares Rufbus-Shuttle ergänzt den Linienverkehr in schwach nachgefragten Zeiten.",
        description=(
            "Kleinbusse fahren ohne festen Fahrplan zwischen virtuellen Haltestellen; ein Algorithmus bündelt "
            "Fahrtwünsche. Das Angebot gilt zum ÖPNV-Tarif und ist mit dem Deutschlandticket nutzbar. Abends und "
            "am Wochenende ersetzt es schwach ausgelastete Linienfahrten."
        ),
        unit="Amt für Verkehrsplanung",
        partners=(("verkehr", "Betreiber"), ("kreis", "Aufgabenträger"), ("hochschule", "Begleitforschung")),
        benefits=(
            ("alle", 2, "Flexibel unterwegs, auch abends und am Wochenende."),
            ("jung", 3, "Sicher nach Hause nach Sport, Ausbildung oder Party."),
            ("alt", 2, "Abholung in der Nähe der Haustür."),
            ("pendel", 2, "Anschluss an die Bahn auch in Randzeiten."),
        ),
        risks="Hohe Betriebskosten je Fahrgast; Fahrpersonalmangel.",
        transferability="mittel",
        transfer_note="Bediengebiet und Zeiten klar begrenzen; Tarifintegration von Anfang an klären.",
        invest=(80_000, 200_000),
        running=(150_000, 350_000),
        funding=("Förderrichtlinie Digitalisierung kommunaler Verkehrssysteme", "LEADER", "Digitalstrategie NRW"),
        effort=(20, 40),
        months=(12, 24),
        focus="mobland",
        milestones=("Bediengebiet festgelegt", "Vergabe abgeschlossen", "Testbetrieb gestartet"),
    ),
    M(
        key="mobilstation",
        field="mobilitaet",
        further=("nachhaltigkeit",),
        title="Mobilstationen am Bahnhof und in {district}",
        summary="Bus, Bahn, Leihräder, Carsharing und Ladepunkte an einem Ort – mit einheitlicher Gestaltung.",
        description=(
            "An Verknüpfungspunkten entstehen Mobilstationen nach dem landesweiten Gestaltungsstandard mit "
            "Fahrradboxen, Carsharing-Stellplätzen, Lastenrad-Verleih und Ladesäulen. Eine digitale Infostele "
            "zeigt Abfahrten in Echtzeit und die Verfügbarkeit der Angebote."
        ),
        unit="Amt für Verkehrsplanung",
        partners=(
            ("verkehr", "Echtzeitdaten und Vertrieb"),
            ("stadtwerke", "Ladeinfrastruktur"),
            ("carsharing", "Carsharing-Anbieter"),
        ),
        benefits=(
            ("pendel", 3, "Sicheres Abstellen des Rads und direkter Umstieg in die Bahn."),
            ("alle", 2, "Auto teilen statt besitzen."),
            ("gaeste", 1, "Leihrad direkt am Bahnhof."),
        ),
        risks="Flächenverfügbarkeit; Vandalismus; Betreibersuche für Carsharing in kleineren Lagen.",
        transferability="hoch",
        transfer_note="Das Handbuch „Mobilstationen NRW“ gibt Gestaltung und Förderwege vor.",
        invest=(120_000, 260_000),
        running=(8_000, 20_000),
        funding=("Förderrichtlinie Nahmobilität NRW", "Modellprojekte Smart Cities"),
        effort=(20, 40),
        months=(12, 24),
        focus="mobvernetzt",
        milestones=("Standorte festgelegt", "Bauarbeiten begonnen", "Mobilstation eröffnet"),
    ),
    M(
        key="parkraum",
        field="mobilitaet",
        title="Digitales Parkraummanagement mit Handyparken",
        summary="Parkgebühren per App, digitale Anwohnerparkausweise und Kontrolle mit Kennzeichenabgleich.",
        description=(
            "Das Parkraumkonzept der {centre} wird digital umgesetzt: Parken per App in allen Zonen, "
            "Anwohnerparkausweise online beantragen, Bezahlung minutengenau. Die Einnahmen und Belegungsdaten "
            "fließen in die Fortschreibung des Parkraumkonzepts."
        ),
        unit="Ordnungsamt",
        partners=(("handyparken", "Handyparken-Anbieter"), ("werbegemeinschaft", "Abstimmung Kundenparken")),
        benefits=(
            ("alle", 2, "Minutengenau zahlen, kein Kleingeld, Verlängerung per App."),
            ("pendel", 2, "Parkzeit flexibel verlängern."),
            ("verw", 2, "Weniger Automatenwartung und bessere Daten zur Auslastung."),
            ("handel", 1, "Mehr Umschlag auf Kundenparkplätzen."),
        ),
        risks="Datenschutz bei Kennzeichenerfassung; Akzeptanz bei Parkgebührenerhöhungen.",
        transferability="hoch",
        transfer_note="Mehrere Handyparken-Anbieter zulassen, damit niemand eine bestimmte App braucht.",
        kinds=URBAN,
        invest=(20_000, 70_000),
        running=(5_000, 15_000),
        funding=("",),
        effort=(15, 30),
        months=(6, 12),
        focus="parken",
    ),
    M(
        key="smartparking",
        field="mobilitaet",
        title="Smart Parking: Parksensorik und dynamisches Parkleitsystem",
        summary="Sensoren erfassen freie Stellplätze; Anzeigetafeln und App führen direkt zum freien Platz.",
        description=(
            "Auf den wichtigsten Parkplätzen und in den Parkhäusern werden Belegungssensoren installiert, die über "
            "das LoRaWAN-Netz melden. Dynamische Anzeigetafeln an den Einfallstraßen und eine Karte im Web zeigen "
            "freie Plätze, auch Behindertenstellplätze und Ladeplätze. So sinkt der Parksuchverkehr in der "
            "{centre}."
        ),
        unit="Tiefbauamt / Verkehrslenkung",
        partners=(("stadtwerke", "Betrieb der Parkhäuser"), ("werbegemeinschaft", "Kommunikation an Kundschaft")),
        benefits=(
            ("pendel", 2, "Weniger Zeit bei der Parkplatzsuche."),
            ("handel", 2, "Kundschaft findet schneller einen Parkplatz."),
            ("inkl", 2, "Freie Behindertenstellplätze auf einen Blick."),
            ("alle", 1, "Weniger Suchverkehr und Abgase in der Innenstadt."),
            ("gaeste", 2, "Orientierung für Ortsfremde."),
        ),
        risks="Sensorausfälle; Akzeptanz, wenn Anzeigen falsch sind.",
        transferability="mittel",
        transfer_note="Erst die großen Flächen ausstatten; Straßenrandparken ist aufwendig und störanfällig.",
        kinds=URBAN,
        invest=(90_000, 220_000),
        running=(10_000, 25_000),
        funding=("Förderrichtlinie Digitalisierung kommunaler Verkehrssysteme", "Modellprojekte Smart Cities"),
        effort=(15, 35),
        months=(9, 18),
        focus="parken",
        depends_on=("lorawan", "parkraum"),
        milestones=("Sensoren installiert", "Parkleitsystem online"),
    ),
    M(
        key="radzaehlung",
        field="mobilitaet",
        title="Radverkehrszählstellen und digitaler Radverkehrsmelder",
        summary="Dauerzählstellen machen den Radverkehr sichtbar; Mängel an Radwegen werden online gemeldet.",
        description=(
            "An den wichtigsten Radrouten messen Dauerzählstellen den Radverkehr; eine Zählsäule zeigt die Zahlen "
            "öffentlich an. Ein Online-Melder sammelt Hinweise zu Gefahrenstellen und fehlenden Abstellanlagen. "
            "Die Daten fließen in das Radverkehrskonzept."
        ),
        unit="Amt für Verkehrsplanung",
        partners=(("adfc", "Auswertung und Hinweise"),),
        benefits=(
            ("alle", 1, "Sichtbare Fortschritte im Radverkehr."),
            ("pendel", 2, "Schnellere Behebung von Mängeln auf Pendlerrouten."),
            ("verw", 2, "Belastbare Daten für Planung und Fördermittelanträge."),
            ("jung", 1, "Sicherere Schulwege mit dem Rad."),
        ),
        risks="Standortwahl der Zählstellen; Erwartungen an schnelle Umsetzung der Hinweise.",
        transferability="hoch",
        transfer_note="Zählstellen-Daten als offene Daten veröffentlichen.",
        kinds=URBAN,
        invest=(25_000, 60_000),
        running=(2_000, 5_000),
        funding=("Förderrichtlinie Nahmobilität NRW", ""),
        effort=(5, 15),
        months=(4, 9),
        focus="mobvernetzt",
    ),
    M(
        key="lastenrad",
        field="mobilitaet",
        further=("nachhaltigkeit",),
        title="Freie Lastenräder und E-Bike-Verleih",
        summary="Lastenräder und E-Bikes zum Ausleihen an Bibliothek, Rathaus und Supermärkten – online buchbar.",
        description=(
            "Über ein Buchungsportal können Bürger*innen Lastenräder und E-Bikes kostenlos oder gegen eine kleine "
            "Gebühr ausleihen. Ausleihstationen sind Bibliothek, Rathaus und Geschäfte, die als Paten einspringen. "
            "Das Angebot macht das Lastenrad als Alternative zum Auto erlebbar."
        ),
        unit="Klimaschutzmanagement",
        partners=(("werbegemeinschaft", "Ausleihstationen im Handel"), ("adfc", "Einweisung und Wartung")),
        benefits=(
            ("alle", 2, "Einkäufe und Kinder ohne Auto transportieren."),
            ("handel", 1, "Mehr Kundschaft, die mit dem Rad kommt."),
            ("gaeste", 1, "E-Bikes für Ausflüge in die Umgebung."),
        ),
        risks="Wartungsaufwand; Diebstahl und Beschädigung.",
        transferability="hoch",
        transfer_note="Freie Lastenrad-Initiativen bieten fertige Buchungssoftware an.",
        invest=(15_000, 40_000),
        running=(3_000, 8_000),
        funding=("Kommunalrichtlinie (Nationale Klimaschutzinitiative)", "LEADER", ""),
        effort=(5, 15),
        months=(3, 9),
        focus="mobvernetzt",
    ),
    M(
        key="echtzeit",
        field="mobilitaet",
        title="Echtzeit-Fahrgastinformation an Haltestellen",
        summary="Dynamische Anzeiger an den meistgenutzten Haltestellen zeigen Abfahrten in Echtzeit.",
        description=(
            "An zentralen Haltestellen werden energiesparende E-Paper-Anzeiger mit Vorlesefunktion installiert. "
            "Sie zeigen Abfahrten, Verspätungen und Störungen in Echtzeit. Die Daten stehen zusätzlich als offene "
            "Daten für Auskunfts-Apps bereit."
        ),
        unit="Amt für Verkehrsplanung",
        partners=(("verkehr", "Echtzeitdaten"), ("kreis", "Mitfinanzierung")),
        benefits=(
            ("alle", 2, "Verlässliche Abfahrtsinformationen."),
            ("inkl", 3, "Vorlesefunktion auf Knopfdruck für blinde und sehbehinderte Menschen."),
            ("pendel", 2, "Anschlüsse besser planen."),
            ("alt", 1, "Information auch ohne Smartphone."),
        ),
        risks="Datenqualität der Echtzeitdaten; Stromversorgung an Haltestellen.",
        transferability="hoch",
        transfer_note="E-Paper mit Solarmodul braucht keinen Stromanschluss.",
        kinds=URBAN,
        invest=(60_000, 150_000),
        running=(4_000, 10_000),
        funding=("Förderrichtlinie Digitalisierung kommunaler Verkehrssysteme", "Digitalstrategie NRW"),
        effort=(10, 20),
        months=(9, 15),
        focus="mobvernetzt",
    ),
    M(
        key="ladeinfrastruktur",
        field="mobilitaet",
        further=("nachhaltigkeit",),
        title="Ladeinfrastruktur-Konzept und öffentliche Ladepunkte",
        summary="Ein Standortkonzept schließt Lücken bei öffentlichen Ladepunkten, auch in {district}.",
        description=(
            "Auf Basis von Zulassungszahlen und Bedarfsmeldungen werden Standorte für Normal- und Schnellladepunkte "
            "ermittelt. Die Stadtwerke bauen die Ladepunkte auf städtischen Flächen; eine Karte zeigt Verfügbarkeit "
            "und Preise. Auch Vereinsheime und Dorfplätze werden als Standorte geprüft."
        ),
        unit="Klimaschutzmanagement / Stadtplanung",
        partners=(("stadtwerke", "Bau und Betrieb"),),
        benefits=(
            ("alle", 2, "Laden in der Nähe auch ohne eigene Wallbox."),
            ("gaeste", 2, "Laden während des Besuchs."),
            ("handel", 1, "Kundschaft verweilt während des Ladens."),
        ),
        risks="Netzanschlusskosten; Wirtschaftlichkeit an wenig frequentierten Standorten.",
        transferability="hoch",
        transfer_note="Das Standorttool des Bundes liefert eine gute erste Bedarfsabschätzung.",
        invest=(60_000, 180_000),
        running=(4_000, 12_000),
        funding=("Kommunalrichtlinie (Nationale Klimaschutzinitiative)", ""),
        effort=(10, 20),
        months=(12, 24),
        focus="mobvernetzt",
    ),
    M(
        key="schulweg",
        field="mobilitaet",
        further=("zivilgesellschaft",),
        title="Digitaler Schulwegplan",
        summary="Schulwege, Gefahrenstellen und Elternhaltestellen auf einer interaktiven Karte.",
        description=(
            "Gemeinsam mit Schulen, Polizei und Eltern werden sichere Schulwege erhoben und in einer Online-Karte "
            "veröffentlicht. Kinder melden Gefahrenstellen selbst im Unterricht. Die Hinweise fließen in "
            "Verkehrsschauen und kleine bauliche Verbesserungen ein."
        ),
        unit="Amt für Schule und Sport",
        partners=(("schulen", "Erhebung mit den Klassen"), ("polizei", "Verkehrssicherheitsberatung")),
        benefits=(
            ("jung", 3, "Sicher und selbstständig zur Schule."),
            ("alle", 1, "Weniger Elterntaxis vor den Schulen."),
            ("verw", 1, "Gefahrenstellen systematisch erfasst."),
        ),
        risks="Regelmäßige Aktualisierung nötig.",
        transferability="hoch",
        transfer_note="Als Unterrichtsprojekt in der dritten Klasse gut einzubinden.",
        invest=(5_000, 15_000),
        running=(1_000, 2_000),
        funding=("",),
        effort=(5, 15),
        months=(4, 9),
        focus="mobvernetzt",
    ),
    M(
        key="mikrodepot",
        field="mobilitaet",
        further=("wirtschaft",),
        title="Mikro-Depot und Lastenrad-Logistik in der {centre}",
        summary="Paketdienste beliefern die Innenstadt von einem Mikro-Depot aus mit Lastenrädern.",
        description=(
            "Auf einer städtischen Fläche am Rand der Fußgängerzone entsteht ein Mikro-Depot, das mehrere "
            "Paketdienstleister gemeinsam nutzen. Die letzte Meile wird mit Lastenrädern zugestellt; der "
            "Einzelhandel kann Lieferungen zur Kundschaft gebündelt beauftragen."
        ),
        unit="Wirtschaftsförderung / Verkehrsplanung",
        partners=(("ihk", "Einbindung der Logistikbranche"), ("werbegemeinschaft", "Lieferservice des Handels")),
        benefits=(
            ("alle", 2, "Weniger Lieferverkehr und Lärm in der Innenstadt."),
            ("handel", 2, "Lieferservice für die Kundschaft ohne eigene Fahrzeuge."),
            ("pendel", 1, "Weniger Zweite-Reihe-Parken auf den Hauptstraßen."),
        ),
        risks="Kooperationsbereitschaft der Paketdienste; Flächenkosten.",
        transferability="mittel",
        transfer_note="Ab etwa 100.000 Einwohner*innen wirtschaftlich; kleinere Städte nur mit Handelslieferdienst.",
        kinds=CITY,
        invest=(70_000, 150_000),
        running=(10_000, 25_000),
        funding=("Modellprojekte Smart Cities", "Förderrichtlinie Nahmobilität NRW"),
        effort=(15, 30),
        months=(9, 18),
        focus="mobvernetzt",
    ),
    # --- Nachhaltigkeit -----------------------------------------------------------------------------------
    M(
        key="klimasensorik",
        field="nachhaltigkeit",
        title="Klimasensorik: Hitzeinseln messen und sichtbar machen",
        summary="Ein Messnetz aus Temperatur- und Feuchtesensoren zeigt, wo es in der Stadt im Sommer zu heiß wird.",
        description=(
            "Rund 40 Sensoren an Laternen, Schulen und Plätzen messen Temperatur und Luftfeuchte. Eine öffentliche "
            "Hitzekarte zeigt die Werte in Echtzeit und weist kühle Orte aus. Die Daten fließen in das "
            "Klimaanpassungskonzept und die Grünplanung."
        ),
        unit="Umweltamt / Klimaanpassung",
        partners=(
            ("hochschule", "Auswertung der Messdaten"),
            ("stadtwerke", "Montage und Funknetz"),
            ("schulen", "Sensorpatenschaften"),
        ),
        benefits=(
            ("alt", 3, "Hitzewarnungen und kühle Orte in der Nähe."),
            ("jung", 2, "Schulen lernen mit echten Klimadaten."),
            ("verw", 3, "Datengrundlage für Entsiegelung und Begrünung."),
            ("alle", 2, "Transparenz über das Stadtklima."),
        ),
        risks="Sensordrift; Vandalismus; Deutung der Daten ohne Fachwissen.",
        transferability="hoch",
        transfer_note="Mit Schulen als Standorten gelingt Bildung und Messung zugleich.",
        kinds=URBAN,
        invest=(30_000, 80_000),
        running=(4_000, 10_000),
        funding=("Modellprojekte Smart Cities", "Städtebauförderung", "Digitalstrategie NRW"),
        effort=(10, 25),
        months=(6, 12),
        focus="klimaanpassung",
        depends_on=("lorawan",),
        milestones=("Sensorstandorte festgelegt", "Messnetz in Betrieb", "Hitzekarte veröffentlicht"),
    ),
    M(
        key="starkregen",
        field="nachhaltigkeit",
        title="Starkregen-Frühwarnsystem mit Pegelsensoren",
        summary="Pegelsensoren an Bächen und Durchlässen warnen Feuerwehr und Anwohner*innen vor Überflutung.",
        description=(
            "An gefährdeten Gewässern und Durchlässen in {district} messen Sensoren den Wasserstand im Minutentakt. "
            "Bei Überschreiten von Schwellenwerten werden Feuerwehr und Bauhof automatisch alarmiert; Anwohnende "
            "können eine Warnung per App abonnieren. Eine Starkregengefahrenkarte zeigt betroffene Straßen."
        ),
        unit="Tiefbauamt / Stadtentwässerung",
        partners=(
            ("feuerwehr", "Alarmierung und Einsatzplanung"),
            ("stadtwerke", "Sensorbetrieb"),
            ("kreis", "Abstimmung mit dem Katastrophenschutz"),
        ),
        benefits=(
            ("alle", 3, "Früh gewarnt, bevor der Keller vollläuft."),
            ("verw", 3, "Feuerwehr und Bauhof können vorsorgen statt reagieren."),
            ("handel", 1, "Betriebe in Tallagen schützen Waren und Anlagen."),
        ),
        risks="Fehlalarme; Ausfall der Sensoren bei Hochwasser selbst.",
        transferability="hoch",
        transfer_note="Schwellenwerte mit der Feuerwehr festlegen und nach den ersten Ereignissen nachjustieren.",
        invest=(25_000, 70_000),
        running=(3_000, 8_000),
        funding=("Städtebauförderung", "Digitalstrategie NRW", ""),
        effort=(10, 20),
        months=(6, 12),
        focus="klimaanpassung",
        depends_on=("lorawan",),
        milestones=("Gefährdete Stellen identifiziert", "Pegelsensoren installiert", "Warnkette erprobt"),
    ),
    M(
        key="baumbewaesserung",
        field="nachhaltigkeit",
        title="Smarte Bewässerung von Stadtbäumen",
        summary="Bodenfeuchtesensoren zeigen, welche jungen Bäume Wasser brauchen – Gießpat*innen helfen mit.",
        description=(
            "Jungbäume werden mit Bodenfeuchtesensoren ausgestattet, die über LoRaWAN melden. Der Bauhof gießt "
            "gezielt nach Bedarf statt nach Plan; über eine Gießkarte können Bürger*innen Patenschaften übernehmen "
            "und sehen, welcher Baum gerade Durst hat."
        ),
        unit="Grünflächenamt / Baubetriebshof",
        partners=(("stadtwerke", "Sensorbetrieb"), ("heimatverein", "Gießpatenschaften")),
        benefits=(
            ("verw", 2, "Weniger Gießfahrten, weniger Ausfälle bei Neupflanzungen."),
            ("alle", 2, "Mitmachen beim Schutz der Stadtbäume."),
            ("verein", 1, "Patenschaften für Vereine und Schulklassen."),
        ),
        risks="Batterielaufzeit der Sensoren; Engagement der Pat*innen lässt nach.",
        transferability="hoch",
        transfer_note="Gießkarten auf Basis offener Software (z. B. „Gieß den Kiez“) sind nachnutzbar.",
        invest=(15_000, 35_000),
        running=(2_000, 5_000),
        funding=("Kommunalrichtlinie (Nationale Klimaschutzinitiative)", "Städtebauförderung", ""),
        effort=(5, 15),
        months=(4, 9),
        focus="klimaanpassung",
        depends_on=("lorawan",),
    ),
    M(
        key="energiemonitoring",
        field="nachhaltigkeit",
        title="Energiemonitoring kommunaler Liegenschaften",
        summary="Smarte Zähler in Schulen, Turnhallen und Verwaltungsgebäuden machen Verbräuche sichtbar.",
        description=(
            "Strom-, Wärme- und Wasserzähler der größten Liegenschaften werden fernauslesbar gemacht. Ein "
            "Energiemanagementsystem erkennt Auffälligkeiten wie nachts laufende Lüftungen und meldet sie dem "
            "Gebäudemanagement. Schulen erhalten eine Anzeige ihrer Verbräuche für Energiesparprojekte."
        ),
        unit="Gebäudemanagement",
        partners=(("stadtwerke", "Zählerinfrastruktur"), ("schulen", "Energiesparprojekte")),
        benefits=(
            ("verw", 3, "Einsparungen von zehn bis fünfzehn Prozent der Energiekosten."),
            ("jung", 1, "Energiesparen im Unterricht erleben."),
            ("alle", 1, "Haushaltsmittel für andere Aufgaben frei."),
        ),
        risks="Alte Gebäudetechnik ohne Schnittstellen; Personal für die Auswertung.",
        transferability="hoch",
        transfer_note="Mit den zehn größten Verbrauchern beginnen – dort liegt der größte Hebel.",
        invest=(35_000, 90_000),
        running=(5_000, 12_000),
        funding=("Kommunalrichtlinie (Nationale Klimaschutzinitiative)", "KfW 432 – Energetische Stadtsanierung"),
        effort=(15, 30),
        months=(9, 18),
        focus="energie",
        milestones=("Zähler in den zehn größten Gebäuden", "Energiebericht mit Monatswerten"),
    ),
    M(
        key="strassenbeleuchtung",
        field="nachhaltigkeit",
        title="Bedarfsgesteuerte LED-Straßenbeleuchtung",
        summary="LED-Leuchten mit Bewegungsmeldern dimmen nachts, wenn niemand unterwegs ist.",
        description=(
            "Die Straßenbeleuchtung wird schrittweise auf LED umgerüstet; in Nebenstraßen und auf Fuß- und "
            "Radwegen regeln Sensoren die Helligkeit nach Bedarf. Eine Fernüberwachung meldet Ausfälle, bevor sie "
            "jemand bemerkt. Insektenfreundliche Lichtfarben schützen die Artenvielfalt."
        ),
        unit="Tiefbauamt",
        partners=(("stadtwerke", "Betreiber der Straßenbeleuchtung"),),
        benefits=(
            ("verw", 3, "Bis zu 70 Prozent weniger Stromverbrauch."),
            ("alle", 2, "Sichere Wege, weniger Lichtverschmutzung."),
            ("alt", 1, "Gut ausgeleuchtete Wege, wenn man unterwegs ist."),
        ),
        risks="Investitionsbedarf; Beschwerden über dunklere Straßen.",
        transferability="hoch",
        transfer_note="Förderfähig über die Kommunalrichtlinie; Bürger*innen vorher informieren.",
        invest=(150_000, 400_000),
        running=(0, 5_000),
        funding=("Kommunalrichtlinie (Nationale Klimaschutzinitiative)", "KfW 432 – Energetische Stadtsanierung"),
        effort=(10, 20),
        months=(12, 36),
        focus="energie",
    ),
    M(
        key="fuellstand",
        field="nachhaltigkeit",
        title="Füllstandssensoren für Abfallbehälter und Altglascontainer",
        summary="Sensoren melden volle Behälter; Touren werden nach Bedarf statt nach festem Plan gefahren.",
        description=(
            "Öffentliche Abfallbehälter an Hotspots und Altglascontainer werden mit Füllstandssensoren ausgestattet. "
            "Die Tourenplanung des Bauhofs berücksichtigt die Meldungen, überquellende Behälter werden seltener. "
            "Die Daten zeigen auch, wo zusätzliche Behälter gebraucht werden."
        ),
        unit="Baubetriebshof / Stadtreinigung",
        partners=(("stadtwerke", "Funknetz"), ("entsorger", "Tourenplanung")),
        benefits=(
            ("verw", 2, "Weniger Leerfahrten, gezielter Personaleinsatz."),
            ("alle", 2, "Sauberere Plätze und Parks."),
            ("gaeste", 1, "Gepflegter Eindruck an Ausflugszielen."),
        ),
        risks="Sensorhaltbarkeit; Integration in die Tourenplanung.",
        transferability="hoch",
        transfer_note="Lohnt vor allem an stark schwankenden Standorten wie Parks und Ausflugszielen.",
        kinds=URBAN,
        invest=(20_000, 50_000),
        running=(3_000, 7_000),
        funding=("Digitalstrategie NRW", ""),
        effort=(5, 15),
        months=(4, 9),
        focus="energie",
        depends_on=("lorawan",),
    ),
    M(
        key="klimadashboard",
        field="nachhaltigkeit",
        further=("verwaltung",),
        title="Öffentliches Klimadashboard",
        summary="Treibhausgasbilanz, Ausbau der Erneuerbaren und Fortschritt der Klimaziele auf einen Blick.",
        description=(
            "Ein öffentliches Dashboard zeigt die Entwicklung der CO₂-Emissionen, den Ausbau von Photovoltaik und "
            "Ladepunkten sowie den Stand der Maßnahmen aus dem Klimaschutzkonzept. Die Zahlen werden jährlich "
            "aktualisiert; Rat und Öffentlichkeit sehen so, ob die Stadt auf Kurs ist."
        ),
        unit="Klimaschutzmanagement",
        partners=(("stadtwerke", "Energiedaten"), ("hochschule", "Methodik der Bilanz")),
        benefits=(
            ("alle", 2, "Nachvollziehbar, ob die Klimaziele erreicht werden."),
            ("verw", 2, "Steuerung des Klimaschutzkonzepts mit Kennzahlen."),
            ("jung", 1, "Daten für Schulprojekte und Jugendinitiativen."),
        ),
        risks="Datenverfügbarkeit mit Zeitverzug; Erwartungsdruck bei schlechten Zahlen.",
        transferability="hoch",
        transfer_note="Bilanzierung nach BISKO-Standard macht Kommunen vergleichbar.",
        kinds=URBAN,
        invest=(15_000, 40_000),
        running=(3_000, 8_000),
        funding=("Kommunalrichtlinie (Nationale Klimaschutzinitiative)", ""),
        effort=(10, 20),
        months=(6, 12),
        depends_on=("energiemonitoring",),
        focus="energie",
    ),
    M(
        key="solarkataster",
        field="nachhaltigkeit",
        title="Solarkataster und digitale Energieberatung",
        summary="Jede Hausbesitzerin sieht online, was ihr Dach an Solarstrom liefern kann – mit Beratung dazu.",
        description=(
            "Das Solarkataster des Landes wird mit einem kommunalen Wirtschaftlichkeitsrechner und einer "
            "Online-Terminbuchung für die Energieberatung verknüpft. Aktionen in {district} und {district2} "
            "werben gezielt für Dachanlagen und Balkonkraftwerke."
        ),
        unit="Klimaschutzmanagement",
        partners=(
            ("verbraucherzentrale", "Energieberatung"),
            ("energiegenossenschaft", "Bürgersolaranlagen"),
            ("hwk", "Fachbetriebe"),
        ),
        benefits=(
            ("alle", 2, "Schnelle Einschätzung des eigenen Solarpotenzials."),
            ("handel", 2, "Aufträge für das örtliche Handwerk."),
            ("verw", 1, "Beitrag zum Klimaziel ohne eigene Investition."),
        ),
        risks="Fachkräftemangel im Handwerk verzögert die Umsetzung.",
        transferability="hoch",
        transfer_note="Das Landes-Solarkataster ist frei; der Mehrwert entsteht durch lokale Beratung.",
        invest=(5_000, 20_000),
        running=(2_000, 6_000),
        funding=("Kommunalrichtlinie (Nationale Klimaschutzinitiative)", ""),
        effort=(10, 20),
        months=(3, 9),
        focus="energie",
    ),
    M(
        key="zwilling",
        field="nachhaltigkeit",
        further=("wohnen", "verwaltung"),
        title="Digitaler Zwilling für Klimaanpassung und Hitzeschutz",
        summary="Ein digitaler Zwilling simuliert Hitze, Starkregen und Wirkung von Begrünung im Stadtmodell.",
        description=(
            "Auf Grundlage des 3D-Stadtmodells und der Sensordaten simuliert ein digitaler Zwilling Hitze- und "
            "Starkregenszenarien. Planungsvarianten – Baumpflanzungen, Entsiegelung, Fassadengrün – können vor der "
            "Umsetzung verglichen werden. Die Ergebnisse werden in Bürgerwerkstätten anschaulich gezeigt."
        ),
        unit="Stadtplanungsamt",
        partners=(("hochschule", "Simulationsmodelle"), ("it", "Betrieb"), ("stadtwerke", "Netzdaten")),
        benefits=(
            ("verw", 3, "Fundierte Planungsentscheidungen und überzeugende Förderanträge."),
            ("alle", 2, "Planungsvarianten anschaulich erleben."),
            ("alt", 1, "Gezielter Hitzeschutz in den am stärksten betroffenen Quartieren."),
        ),
        risks="Hohe Komplexität; Abhängigkeit von Spezialwissen; Datenpflege.",
        transferability="gering",
        transfer_note="Lohnt sich für Großstädte; kleinere Kommunen nutzen besser Ergebnisse und Methoden.",
        kinds=CITY,
        invest=(250_000, 500_000),
        running=(40_000, 80_000),
        funding=("Modellprojekte Smart Cities",),
        effort=(60, 120),
        months=(24, 36),
        focus="klimaanpassung",
        depends_on=("datenplattform", "geoportal"),
    ),
    M(
        key="waldmonitoring",
        field="nachhaltigkeit",
        title="Sensorgestütztes Wald- und Borkenkäfer-Monitoring",
        summary="Drohnenbilder und Sensoren im Stadtwald erkennen Trockenstress und Käferbefall frühzeitig.",
        description=(
            "Im Stadtwald werden Bodenfeuchte- und Klimasensoren installiert; zweimal im Jahr liefern Drohnenflüge "
            "Multispektralbilder. Auffällige Bestände werden dem Forstbetrieb gemeldet, bevor sich Käfer ausbreiten. "
            "Die Ergebnisse fließen in die Wiederbewaldung mit klimastabilen Mischbeständen."
        ),
        unit="Forstbetrieb / Umweltamt",
        partners=(("forst", "fachliche Auswertung"), ("hochschule", "Bildauswertung")),
        benefits=(
            ("verw", 3, "Gezielte Eingriffe statt großflächiger Schäden."),
            ("gaeste", 2, "Erhalt der Wanderwälder für den Tourismus."),
            ("alle", 1, "Schutz des Waldes als Erholungsraum."),
        ),
        risks="Funkabdeckung im Wald; Auswertungskompetenz.",
        transferability="mittel",
        transfer_note="Mit dem Landesbetrieb Wald und Holz abstimmen; Drohnenflüge brauchen Genehmigungen.",
        kinds=RURAL,
        invest=(25_000, 60_000),
        running=(5_000, 10_000),
        funding=("LEADER", "Digitalstrategie NRW"),
        effort=(10, 20),
        months=(9, 18),
        focus="landschaft",
        depends_on=("lorawan",),
    ),
    # --- Wohnen --------------------------------------------------------------------------------------------
    M(
        key="leerstand",
        field="wohnen",
        further=("wirtschaft",),
        title="Digitales Leerstandsmanagement für die {centre}",
        summary="Ein Leerstandskataster und eine Vermittlungsplattform bringen leere Ladenlokale wieder in Nutzung.",
        description=(
            "Alle Erdgeschossflächen der {centre} werden mit Eigentümer*innen, Größe und Zustand erfasst. Eine "
            "Plattform vermittelt Flächen an Gründer*innen, Pop-up-Stores und kulturelle Zwischennutzungen; ein "
            "Verfügungsfonds senkt die Miete im ersten Jahr. Das Innenstadtmanagement spricht Eigentümer*innen "
            "aktiv an."
        ),
        unit="Wirtschaftsförderung / Innenstadtmanagement",
        partners=(
            ("werbegemeinschaft", "Ansprache der Eigentümer*innen"),
            ("ihk", "Gründungsberatung"),
            ("hausundgrund", "Vermittlung an Eigentümer*innen"),
        ),
        benefits=(
            ("handel", 3, "Schnellere Nachvermietung und weniger Trading-down-Effekte."),
            ("alle", 2, "Lebendige Innenstadt mit neuen Angeboten."),
            ("jung", 1, "Flächen für junge Ideen und Pop-up-Projekte."),
            ("verw", 2, "Aktueller Überblick über Leerstände und Potenziale."),
        ),
        risks="Mitwirkung der Eigentümer*innen; Mietpreisvorstellungen.",
        transferability="hoch",
        transfer_note="Die persönliche Ansprache der Eigentümer*innen ist wichtiger als die Software.",
        invest=(20_000, 60_000),
        running=(8_000, 20_000),
        funding=("Förderprogramm Zukunftsfähige Innenstädte und Zentren", "LEADER", "Städtebauförderung"),
        effort=(30, 60),
        months=(6, 18),
        focus="innenstadt",
        milestones=("Leerstandskataster erstellt", "Vermittlungsplattform online", "Erste Zwischennutzung"),
    ),
    M(
        key="baulueckenkataster",
        field="wohnen",
        title="Baulücken- und Potenzialflächenkataster online",
        summary="Baulücken und untergenutzte Grundstücke werden erfasst und mit Zustimmung der Eigentümer*innen "
        "veröffentlicht.",
        description=(
            "Ein Kataster erfasst Baulücken, Brachen und untergenutzte Hofstellen im Innenbereich. Mit Einverständnis "
            "der Eigentümer*innen werden Flächen online angeboten; eine Beratung zu Umbau und Förderung unterstützt "
            "junge Familien. So wird Innenentwicklung vor Außenentwicklung gestärkt."
        ),
        unit="Stadtplanung",
        partners=(("kreis", "Geodaten"), ("sparkasse", "Finanzierungsberatung")),
        benefits=(
            ("alle", 2, "Bauland im Ort statt neuer Baugebiete am Rand."),
            ("jung", 2, "Junge Familien finden Bauplätze im Ort."),
            ("verw", 2, "Flächensparen und bessere Auslastung der Infrastruktur."),
        ),
        risks="Zurückhaltung der Eigentümer*innen; Datenschutz.",
        transferability="hoch",
        transfer_note="Landesweite Flächenmanagement-Werkzeuge nutzen; Eigentümer*innen schriftlich einbinden.",
        kinds=RURAL_MEDIUM,
        invest=(10_000, 30_000),
        running=(2_000, 5_000),
        funding=("Städtebauförderung", "LEADER", ""),
        effort=(15, 30),
        months=(6, 12),
        focus="innenstadt",
    ),
    M(
        key="aal",
        field="wohnen",
        further=("zivilgesellschaft",),
        title="Musterwohnung „Selbstbestimmt wohnen mit Technik“",
        summary="In einer Musterwohnung können Ältere und Angehörige Assistenztechnik ausprobieren und sich beraten "
        "lassen.",
        description=(
            "Gemeinsam mit der Wohnungsbaugesellschaft wird eine Wohnung mit Sturzsensoren, Herdabschaltung, "
            "Videotelefonie und smarter Beleuchtung eingerichtet. Ehrenamtliche Technikbotschafter*innen beraten "
            "kostenlos; Besuchstermine sind online und telefonisch buchbar."
        ),
        unit="Sozialamt / Seniorenberatung",
        partners=(
            ("wohnungsbau", "Bereitstellung der Wohnung"),
            ("seniorenbeirat", "Beratung und Bewerbung"),
            ("pflege", "Pflegeberatung"),
        ),
        benefits=(
            ("alt", 3, "Länger sicher in der eigenen Wohnung leben."),
            ("inkl", 2, "Hilfsmittel ausprobieren, bevor man sie kauft."),
            ("alle", 1, "Angehörige gewinnen Sicherheit."),
        ),
        risks="Kosten der Technik für Haushalte; Datenschutzbedenken.",
        transferability="hoch",
        transfer_note="Kooperation mit Wohnungsunternehmen senkt die Kosten der Wohnung erheblich.",
        invest=(25_000, 50_000),
        running=(6_000, 12_000),
        funding=("LEADER", "Heimat-Förderprogramm NRW", ""),
        effort=(10, 20),
        months=(6, 12),
        focus="alter",
    ),
    M(
        key="bauantrag",
        field="wohnen",
        further=("verwaltung",),
        title="Digitaler Bauantrag",
        summary="Bauanträge werden online gestellt und digital mit allen beteiligten Stellen bearbeitet.",
        description=(
            "Über das Bauportal NRW werden Bauanträge digital eingereicht; die Bauaufsicht arbeitet mit der "
            "elektronischen Bauakte und beteiligt Fachstellen digital. Antragstellende verfolgen den "
            "Bearbeitungsstand online."
        ),
        unit="Bauaufsicht",
        partners=(("kreis", "Beteiligung der Fachbehörden"), ("it", "Fachverfahren")),
        benefits=(
            ("alle", 2, "Keine Papierstapel mehr, Bearbeitungsstand jederzeit einsehbar."),
            ("handel", 2, "Schnellere Genehmigungen für Betriebe und Architekt*innen."),
            ("verw", 2, "Parallele statt serielle Beteiligung der Fachstellen."),
        ),
        risks="Schnittstellen zum Fachverfahren; Scan-Aufwand für Altakten.",
        transferability="hoch",
        transfer_note="Das Bauportal NRW ist für alle Bauaufsichten nutzbar.",
        invest=(20_000, 60_000),
        running=(5_000, 12_000),
        funding=("Digitalstrategie NRW", ""),
        effort=(20, 40),
        months=(9, 18),
        depends_on=("eakte",),
        focus="dienste",
    ),
    M(
        key="glasfaser",
        field="wohnen",
        further=("wirtschaft",),
        title="Glasfaserausbau für Außenbereiche und Hofstellen",
        summary="Geförderter Glasfaserausbau schließt die weißen Flecken in {district} und an den Hofstellen.",
        description=(
            "Über das Gigabitförderprogramm werden unterversorgte Adressen im Außenbereich an das Glasfasernetz "
            "angeschlossen. Die Stadt bündelt die Nachfrage, koordiniert Tiefbau mit anderen Baustellen und "
            "informiert in Bürgerversammlungen. Schulen und Gewerbegebiete werden vorrangig angeschlossen."
        ),
        unit="Breitbandkoordination / Wirtschaftsförderung",
        partners=(("kreis", "Breitbandkoordination"), ("netzbetreiber", "Ausbau und Betrieb")),
        benefits=(
            ("alle", 3, "Homeoffice, Streaming und Telemedizin auch auf dem Land."),
            ("handel", 3, "Landwirtschaft und Betriebe im Außenbereich digital arbeitsfähig."),
            ("jung", 2, "Digitaler Unterricht ohne Funkloch."),
        ),
        risks="Tiefbaukapazitäten; Förderbürokratie; lange Bauzeiten.",
        transferability="mittel",
        transfer_note="Mitverlegung bei anderen Tiefbaumaßnahmen spart bis zu 40 Prozent der Kosten.",
        kinds=RURAL_MEDIUM,
        invest=(600_000, 1_800_000),
        running=(0, 0),
        funding=("Gigabitförderung (Bund und Land NRW)",),
        effort=(30, 60),
        months=(24, 36),
        focus="netz",
        milestones=("Markterkundung abgeschlossen", "Förderbescheid erhalten", "Ausbau begonnen"),
    ),
    M(
        key="wlan",
        field="wohnen",
        further=("wirtschaft",),
        title="Öffentliches WLAN in der {centre}, in Bürgerhäusern und an Ausflugszielen",
        summary="Kostenfreies, datenschutzfreundliches WLAN an zentralen Plätzen und öffentlichen Gebäuden.",
        description=(
            "An Marktplatz, Bahnhof, Bibliothek und Bürgerhäusern werden Hotspots eingerichtet – ohne "
            "Registrierung und mit Jugendschutzfilter. Die anonyme Zählung der Verbindungen liefert zusätzlich "
            "Hinweise auf Besucherströme."
        ),
        unit="IT-Abteilung",
        partners=(("freifunk", "technischer Betrieb"), ("werbegemeinschaft", "Hotspots im Handel")),
        benefits=(
            ("gaeste", 2, "Kostenloses Internet für Gäste."),
            ("jung", 2, "Treffpunkte mit Internetzugang."),
            ("handel", 1, "Mehr Aufenthaltsqualität in der Innenstadt."),
        ),
        risks="Haftungsfragen; Ausleuchtung im Außenbereich.",
        transferability="hoch",
        transfer_note="Freifunk-Initiativen sind erfahrene und günstige Partner.",
        invest=(15_000, 50_000),
        running=(3_000, 8_000),
        funding=("Förderprogramm Zukunftsfähige Innenstädte und Zentren", "LEADER", ""),
        effort=(5, 15),
        months=(3, 9),
        focus="netz",
    ),
    M(
        key="quartiersplattform",
        field="wohnen",
        further=("zivilgesellschaft",),
        title="Digitale Quartiersplattform für {district}",
        summary="Eine Nachbarschaftsplattform verbindet Bewohner*innen, Quartiersmanagement und lokale Angebote.",
        description=(
            "Die Plattform bündelt Termine, Nachbarschaftshilfe, Tauschbörse und Raumbuchung im Quartier. Das "
            "Quartiersmanagement moderiert und bietet Sprechstunden vor Ort, damit auch Menschen ohne digitale "
            "Erfahrung mitmachen. Wohnungsunternehmen informieren über Bauarbeiten direkt auf der Plattform."
        ),
        unit="Amt für Wohnungswesen / Quartiersmanagement",
        partners=(
            ("wohnungsbau", "Mitfinanzierung und Mieterinformation"),
            ("caritas", "Quartiersarbeit"),
            ("vhs", "Einsteigerkurse"),
        ),
        benefits=(
            ("alle", 2, "Nachbarschaft kennenlernen und sich gegenseitig helfen."),
            ("alt", 2, "Hilfe beim Einkauf und Begleitung zu Terminen finden."),
            ("verein", 2, "Angebote im Quartier bekannt machen."),
            ("verw", 1, "Direkter Draht in das Quartier."),
        ),
        risks="Kritische Masse an Nutzer*innen; Moderationsaufwand.",
        transferability="mittel",
        transfer_note="Ohne Kümmerer*in vor Ort bleibt jede Plattform leer.",
        kinds=URBAN,
        invest=(30_000, 80_000),
        running=(10_000, 25_000),
        funding=("Städtebauförderung", "Modellprojekte Smart Cities", ""),
        effort=(20, 40),
        months=(9, 18),
        focus="quartier",
        milestones=("Plattform ausgewählt", "Start im Pilotquartier", "Zweites Quartier angeschlossen"),
    ),
    M(
        key="beteiligung3d",
        field="wohnen",
        further=("zivilgesellschaft",),
        title="3D-Visualisierung von Bauvorhaben für die Bürgerbeteiligung",
        summary="Geplante Bauvorhaben werden im 3D-Stadtmodell und per Virtual Reality vor Ort erlebbar.",
        description=(
            "Für größere Bauvorhaben werden 3D-Modelle in das Stadtmodell eingefügt und online sowie auf Tablets "
            "vor Ort gezeigt. Bürger*innen können Varianten vergleichen und Hinweise direkt im Modell verorten. "
            "Das verbessert die Qualität der Beteiligung und verringert Missverständnisse."
        ),
        unit="Stadtplanungsamt",
        partners=(("hochschule", "Visualisierung"),),
        benefits=(
            ("alle", 2, "Bauvorhaben verstehen, bevor sie gebaut werden."),
            ("verw", 2, "Konstruktivere Beteiligung, weniger Einwendungen aus Unkenntnis."),
            ("jung", 1, "Ansprechende Formate für junge Menschen."),
        ),
        risks="Aufwand für Modelle; Erwartung, dass alle Hinweise umgesetzt werden.",
        transferability="mittel",
        transfer_note="Setzt ein 3D-Stadtmodell voraus.",
        kinds=URBAN,
        invest=(20_000, 50_000),
        running=(3_000, 8_000),
        funding=("Städtebauförderung", "Digitalstrategie NRW"),
        effort=(10, 20),
        months=(6, 12),
        focus="quartier",
        depends_on=("geoportal",),
    ),
    M(
        key="wohnungstausch",
        field="wohnen",
        title="Wohnungstauschbörse für Ältere und Familien",
        summary="Ältere Menschen in zu großen Wohnungen und Familien auf Wohnungssuche finden online zueinander.",
        description=(
            "Eine Tauschbörse mit Beratung vermittelt zwischen Haushalten, deren Wohnung nicht mehr passt. Die "
            "Wohnungsbaugesellschaft garantiert beim Tausch die bisherige Quadratmetermiete; ein Umzugsservice "
            "unterstützt ältere Menschen."
        ),
        unit="Amt für Wohnungswesen",
        partners=(("wohnungsbau", "Tauschgarantie"), ("seniorenbeirat", "Bewerbung")),
        benefits=(
            ("alt", 2, "Eine kleinere, barrierearme Wohnung im vertrauten Viertel."),
            ("jung", 2, "Familien finden größeren Wohnraum."),
            ("alle", 1, "Bessere Nutzung des vorhandenen Wohnraums."),
        ),
        risks="Geringe Tauschbereitschaft; Mietunterschiede.",
        transferability="mittel",
        transfer_note="Funktioniert nur mit Mietgarantie der Wohnungsunternehmen.",
        kinds=URBAN,
        invest=(10_000, 25_000),
        running=(15_000, 30_000),
        funding=("",),
        effort=(10, 25),
        months=(6, 12),
        focus="alter",
    ),
    M(
        key="dorfplatz",
        field="wohnen",
        further=("zivilgesellschaft",),
        title="Digitaler Dorfplatz im Bürgerhaus {district}",
        summary="Das Bürgerhaus wird zum Treffpunkt mit WLAN, Videokonferenzraum, Paketstation und Sprechstunden.",
        description=(
            "Das Bürgerhaus erhält schnelles Internet, einen Videokonferenzraum und eine Paketstation. Die "
            "Verwaltung bietet dort regelmäßig Sprechstunden per Video an; Vereine nutzen die Räume für "
            "Digitalkurse. So bleibt der Ortsteil auch ohne eigene Verwaltungsstelle angebunden."
        ),
        unit="Hauptamt / Ortsvorsteher*in",
        partners=(("heimatverein", "Trägerschaft des Bürgerhauses"), ("vhs", "Digitalkurse")),
        benefits=(
            ("alle", 2, "Verwaltungssprechstunde im eigenen Ortsteil."),
            ("alt", 2, "Kurze Wege und Unterstützung vor Ort."),
            ("verein", 2, "Moderne Räume für Vereinsarbeit."),
        ),
        risks="Ehrenamtliche Betreuung; Auslastung.",
        transferability="hoch",
        transfer_note="An bestehende Treffpunkte andocken statt neu zu bauen.",
        kinds=RURAL,
        invest=(30_000, 70_000),
        running=(3_000, 8_000),
        funding=("LEADER", "Heimat-Förderprogramm NRW"),
        effort=(10, 20),
        months=(6, 12),
        depends_on=("glasfaser",),
        focus="dorf",
    ),
    # --- Wirtschaft ----------------------------------------------------------------------------------------
    M(
        key="coworking",
        field="wirtschaft",
        further=("wohnen",),
        title="Co-Working-Space in der {centre}",
        summary="Ein Co-Working-Space in einem leerstehenden Ladenlokal bietet Arbeitsplätze für Pendler*innen, "
        "Selbstständige und Gründer*innen.",
        description=(
            "In einem zentralen Leerstand entstehen flexible Arbeitsplätze, ein Besprechungsraum und ein "
            "Podcast-Studio. Pendler*innen sparen sich an Homeoffice-Tagen die Fahrt in die Großstadt und bleiben "
            "im Ort; das belebt Gastronomie und Handel. Der Betrieb erfolgt durch eine Genossenschaft mit "
            "Unterstützung der Wirtschaftsförderung."
        ),
        unit="Wirtschaftsförderung",
        partners=(
            ("werbegemeinschaft", "Mitinitiator"),
            ("sparkasse", "Anschubfinanzierung"),
            ("ihk", "Gründungsberatung vor Ort"),
        ),
        benefits=(
            ("pendel", 3, "Arbeiten im Ort statt täglicher Fahrt in die Großstadt."),
            ("handel", 2, "Mehr Kundschaft am Mittag in Gastronomie und Handel."),
            ("jung", 1, "Flexible Arbeitsplätze für Studierende und Gründer*innen."),
            ("alle", 1, "Ein belebter Leerstand im Ortskern."),
        ),
        risks="Auslastung in der Anlaufphase; Betreiberrisiko.",
        transferability="hoch",
        transfer_note="Mit Pendler*innen-Befragung den Bedarf prüfen; Tagespässe senken die Einstiegshürde.",
        kinds=RURAL_MEDIUM,
        invest=(40_000, 90_000),
        running=(15_000, 30_000),
        funding=("LEADER", "Förderprogramm Zukunftsfähige Innenstädte und Zentren"),
        effort=(15, 30),
        months=(6, 12),
        focus="arbeit",
        depends_on=("leerstand",),
        milestones=("Räume angemietet", "Eröffnung", "Auslastung über 50 Prozent"),
    ),
    M(
        key="marktplatz",
        field="wirtschaft",
        title="Lokaler Online-Marktplatz „{town} kauft lokal“",
        summary="Geschäfte und Gastronomie präsentieren Sortiment und Öffnungszeiten online – mit Click & Collect "
        "und Lieferdienst.",
        description=(
            "Die Werbegemeinschaft betreibt mit Unterstützung der Stadt einen lokalen Marktplatz, auf dem "
            "Händler*innen ihre Angebote zeigen und reservieren lassen. Ein Lieferdienst per Lastenrad bringt "
            "Einkäufe nach Hause. Schulungen helfen kleinen Geschäften beim Einstieg."
        ),
        unit="Wirtschaftsförderung / Stadtmarketing",
        partners=(("werbegemeinschaft", "Betreiber"), ("ihk", "Schulungen für den Handel")),
        benefits=(
            ("handel", 3, "Online sichtbar, ohne eigenen Webshop."),
            ("alle", 2, "Lokal einkaufen, auch abends von zu Hause."),
            ("alt", 1, "Lieferung nach Hause."),
        ),
        risks="Geringe Beteiligung des Handels; Konkurrenz großer Plattformen.",
        transferability="mittel",
        transfer_note="Bestehende Plattformen nutzen, statt eigene zu entwickeln; Pflege der Daten entscheidet.",
        invest=(15_000, 40_000),
        running=(5_000, 15_000),
        funding=("Förderprogramm Zukunftsfähige Innenstädte und Zentren", ""),
        effort=(10, 20),
        months=(6, 12),
        focus="handel",
    ),
    M(
        key="frequenz",
        field="wirtschaft",
        further=("wohnen",),
        title="Passantenfrequenzmessung in der {centre}",
        summary="Laserzähler messen anonym die Passantenfrequenz in den Haupteinkaufslagen.",
        description=(
            "An fünf Standorten zählen datenschutzkonforme Lasersensoren Passant*innen ohne Bilder. Die Daten zeigen, "
            "wie Aktionen, Wetter und Baustellen wirken, und werden Handel und Immobilienwirtschaft als offene Daten "
            "bereitgestellt."
        ),
        unit="Wirtschaftsförderung / Innenstadtmanagement",
        partners=(("werbegemeinschaft", "Nutzung der Daten"), ("ihk", "Vergleich mit anderen Städten")),
        benefits=(
            ("handel", 3, "Öffnungszeiten und Aktionen an der Frequenz ausrichten."),
            ("verw", 2, "Wirkung von Innenstadtmaßnahmen belegen."),
            ("alle", 1, "Lebendige Innenstadt durch bessere Planung."),
        ),
        risks="Datenschutzbedenken trotz anonymer Messung; Standortabhängigkeit.",
        transferability="hoch",
        transfer_note="Ergebnisse regelmäßig mit dem Handel besprechen, sonst bleiben Daten ungenutzt.",
        kinds=URBAN,
        invest=(15_000, 40_000),
        running=(5_000, 12_000),
        funding=("Förderprogramm Zukunftsfähige Innenstädte und Zentren", ""),
        effort=(5, 15),
        months=(3, 6),
        focus="handel",
    ),
    M(
        key="stadtgutschein",
        field="wirtschaft",
        title="Digitaler Stadtgutschein",
        summary="Ein digitaler Gutschein, einlösbar in allen teilnehmenden Geschäften, hält Kaufkraft vor Ort.",
        description=(
            "Der Stadtgutschein wird als Karte und digital angeboten und ist in Handel, Gastronomie und Dienstleistung "
            "einlösbar. Arbeitgeber nutzen ihn für steuerfreie Sachbezüge ihrer Beschäftigten. Die Stadt setzt ihn "
            "für Ehrungen und Aktionen ein."
        ),
        unit="Stadtmarketing",
        partners=(("werbegemeinschaft", "Akquise der Akzeptanzstellen"), ("sparkasse", "Zahlungsabwicklung")),
        benefits=(
            ("handel", 3, "Kaufkraft bleibt in der Stadt."),
            ("alle", 1, "Ein Geschenk, das lokale Geschäfte unterstützt."),
            ("pendel", 1, "Steuerfreier Sachbezug vom Arbeitgeber."),
        ),
        risks="Zahl der Akzeptanzstellen; Gebühren des Systemanbieters.",
        transferability="hoch",
        transfer_note="Arbeitgeber als Abnehmer gewinnen – das bringt das meiste Volumen.",
        invest=(8_000, 25_000),
        running=(3_000, 8_000),
        funding=("Förderprogramm Zukunftsfähige Innenstädte und Zentren", ""),
        effort=(5, 15),
        months=(3, 6),
        focus="handel",
    ),
    M(
        key="digitalsprechstunde",
        field="wirtschaft",
        title="Digitalisierungssprechstunde für kleine Betriebe",
        summary="Monatliche Sprechstunden und Workshops helfen Handwerk und Handel bei den ersten Digitalschritten.",
        description=(
            "Kammern, Wirtschaftsförderung und regionale IT-Dienstleister bieten gemeinsam Sprechstunden zu Website, "
            "Online-Terminbuchung, E-Rechnung und IT-Sicherheit an. Ein Förderlotse zeigt passende Programme, zum "
            "Beispiel „Mittelstand Innovativ & Digital“."
        ),
        unit="Wirtschaftsförderung",
        partners=(("hwk", "Beratung für das Handwerk"), ("ihk", "Beratung für Handel und Dienstleistung")),
        benefits=(
            ("handel", 3, "Praxisnahe Hilfe ohne teure Beratung."),
            ("verw", 1, "Engerer Kontakt zu den Betrieben."),
        ),
        risks="Zeitmangel der Betriebe; Nachfrage schwankt.",
        transferability="hoch",
        transfer_note="Kurze, konkrete Formate am frühen Abend funktionieren am besten.",
        invest=(0, 5_000),
        running=(5_000, 12_000),
        funding=("Mittelstand Innovativ & Digital (MID)", ""),
        effort=(10, 20),
        months=(12, 24),
        focus="arbeit",
    ),
    M(
        key="gruenderzentrum",
        field="wirtschaft",
        title="Digitales Gründungs- und Innovationszentrum",
        summary="Ein Innovationszentrum mit Hochschule und Mittelstand bietet Raum für Start-ups und Reallabore.",
        description=(
            "In einem umgebauten Gewerbegebäude entstehen Büros, Werkstätten und ein Reallabor, in dem Start-ups "
            "Lösungen gemeinsam mit der Stadt testen. Die Hochschule bietet Gründungsberatung; etablierte Betriebe "
            "bringen Praxisprobleme ein."
        ),
        unit="Wirtschaftsförderungsgesellschaft",
        partners=(
            ("hochschule", "Gründungsberatung und Forschung"),
            ("ihk", "Netzwerk in den Mittelstand"),
            ("sparkasse", "Gründungsfinanzierung"),
        ),
        benefits=(
            ("handel", 2, "Zugang zu neuen Lösungen und Fachkräften."),
            ("jung", 2, "Perspektiven für Absolvent*innen in der Stadt."),
            ("verw", 2, "Reallabor für städtische Smart-City-Lösungen."),
        ),
        risks="Hohe Investition; Auslastung; Abhängigkeit von Förderung.",
        transferability="gering",
        transfer_note="Setzt eine Hochschule in der Nähe voraus.",
        kinds=CITY,
        invest=(400_000, 1_200_000),
        running=(80_000, 150_000),
        funding=("Modellprojekte Smart Cities", "Städtebauförderung"),
        effort=(40, 80),
        months=(24, 36),
        focus="innovation",
    ),
    M(
        key="fachkraefte",
        field="wirtschaft",
        title="Fachkräfteportal „Arbeiten in {town}“",
        summary="Ein Portal bündelt Stellen, Ausbildungsplätze und Praktika der Betriebe vor Ort.",
        description=(
            "Betriebe stellen Stellen und Ausbildungsplätze auf einem gemeinsamen Portal ein; Schüler*innen finden "
            "Praktika über eine Karte. Ein Willkommensservice informiert Zuziehende über Wohnen, Kinderbetreuung "
            "und Vereine."
        ),
        unit="Wirtschaftsförderung",
        partners=(("ihk", "Ausbildungsbetriebe"), ("hwk", "Handwerksbetriebe"), ("schulen", "Berufsorientierung")),
        benefits=(
            ("handel", 3, "Mehr Bewerbungen aus der Region."),
            ("jung", 3, "Ausbildungsplätze und Praktika vor Ort finden."),
            ("pendel", 1, "Arbeit in der Nähe statt langer Wege."),
        ),
        risks="Aktualität der Stellenangebote.",
        transferability="hoch",
        transfer_note="Mit bestehenden Stellenbörsen verknüpfen, nicht konkurrieren.",
        kinds=RURAL_MEDIUM,
        invest=(10_000, 30_000),
        running=(4_000, 10_000),
        funding=("LEADER", "Mittelstand Innovativ & Digital (MID)", ""),
        effort=(10, 20),
        months=(6, 12),
        focus="arbeit",
    ),
    M(
        key="besucherlenkung",
        field="wirtschaft",
        further=("mobilitaet", "nachhaltigkeit"),
        title="Digitale Besucherlenkung an Ausflugszielen",
        summary="Auslastungsanzeigen und Parkplatzinfos lenken Tagesgäste an vollen Tagen auf Alternativen.",
        description=(
            "Sensoren an Parkplätzen und Zählstellen an den beliebtesten Ausflugszielen erfassen die Auslastung. "
            "Eine Web-App und Anzeigetafeln an den Zufahrten zeigen in Echtzeit, wo noch Platz ist, und empfehlen "
            "Alternativen und Busverbindungen. So werden Verkehrschaos, Falschparken und Überlastung der Natur "
            "vermieden."
        ),
        unit="Tourismus und Stadtmarketing",
        partners=(
            ("tourismus", "Betreiber und Vermarktung"),
            ("kreis", "Verkehrslenkung"),
            ("verkehr", "Shuttle-Angebote"),
        ),
        benefits=(
            ("gaeste", 3, "Entspannter Ausflug ohne Parkplatzsuche."),
            ("alle", 2, "Weniger Ausflugsverkehr in den Wohnstraßen."),
            ("handel", 2, "Gäste verteilen sich auf Gastronomie und Geschäfte."),
            ("verw", 2, "Daten für Verkehrs- und Tourismusplanung."),
        ),
        risks="Datenqualität der Auslastungsprognosen; Abstimmung mit Privatparkplätzen.",
        transferability="mittel",
        transfer_note="Für Orte mit Tagestourismus-Spitzen; mit den regionalen Tourismusorganisationen abstimmen.",
        kinds=RURAL_MEDIUM,
        invest=(60_000, 140_000),
        running=(8_000, 20_000),
        funding=("LEADER", "Digitalstrategie NRW"),
        effort=(15, 30),
        months=(9, 18),
        focus="tourismus",
        milestones=("Zählstellen installiert", "Web-App freigeschaltet", "Auswertung der Saison"),
    ),
    M(
        key="gaestekarte",
        field="wirtschaft",
        further=("mobilitaet",),
        title="Digitale Gästekarte mit ÖPNV-Ticket",
        summary="Übernachtungsgäste erhalten eine digitale Gästekarte mit freier Busfahrt und Rabatten.",
        description=(
            "Die bisherige Papier-Gästekarte wird digitalisiert und mit dem Meldeschein der Gastgeber verknüpft. "
            "Sie gilt als Fahrschein im Nahverkehr und bietet Vergünstigungen bei Freizeitanbietern. Gastgeber sparen "
            "Verwaltungsaufwand; die Stadt erhält anonyme Daten über Gästeströme."
        ),
        unit="Tourismus",
        partners=(("tourismus", "Betrieb der Gästekarte"), ("verkehr", "Tarifanerkennung")),
        benefits=(
            ("gaeste", 3, "Freie Fahrt mit Bus und Bahn, Rabatte auf dem Smartphone."),
            ("handel", 2, "Weniger Papierkram für Gastgeber, mehr Gäste bei Partnern."),
            ("alle", 1, "Weniger Autoverkehr durch Tagesausflüge."),
        ),
        risks="Finanzierung des Tickets über die Kurtaxe; Akzeptanz der Gastgeber.",
        transferability="mittel",
        transfer_note="Setzt Kurtaxe oder Tourismusabgabe voraus.",
        kinds=RURAL,
        invest=(30_000, 70_000),
        running=(10_000, 25_000),
        funding=("LEADER", "Digitalstrategie NRW"),
        effort=(10, 20),
        months=(6, 12),
        focus="tourismus",
    ),
    M(
        key="stadtfuehrung",
        field="wirtschaft",
        further=("zivilgesellschaft",),
        title="Digitaler Stadtrundgang mit Audioguide",
        summary="Eine App führt mit Audio, Bildern und Augmented Reality zu den Sehenswürdigkeiten – auch "
        "barrierefrei.",
        description=(
            "Heimatverein und Stadtarchiv entwickeln gemeinsam Stationen mit Geschichten, historischen Fotos und "
            "Audiospuren in Deutsch, Englisch, Niederländisch und leichter Sprache. QR-Codes an den Stationen "
            "starten die Inhalte auch ohne App-Download."
        ),
        unit="Kultur und Tourismus",
        partners=(
            ("heimatverein", "Inhalte und Geschichte"),
            ("tourismus", "Vermarktung"),
            ("schulen", "Schülerprojekt Audiospuren"),
        ),
        benefits=(
            ("gaeste", 3, "Die Stadt auf eigene Faust entdecken, rund um die Uhr."),
            ("inkl", 2, "Audio und leichte Sprache für alle."),
            ("verein", 2, "Das Wissen des Heimatvereins wird sichtbar."),
            ("handel", 1, "Gäste verweilen länger in der Stadt."),
        ),
        risks="Aktualisierung der Inhalte; Nutzung ohne Bewerbung gering.",
        transferability="hoch",
        transfer_note="Inhalte vor der Technik planen; Web-App ohne Download senkt die Schwelle.",
        invest=(15_000, 40_000),
        running=(1_000, 3_000),
        funding=("Heimat-Förderprogramm NRW", "LEADER", ""),
        effort=(10, 20),
        months=(6, 12),
        focus="tourismus",
    ),
    M(
        key="hofladen",
        field="wirtschaft",
        further=("nachhaltigkeit",),
        title="Regionale Direktvermarktung digital: Hofläden und Regiomaten",
        summary="Eine Karte mit Hofläden und Regiomaten, Online-Vorbestellung und gemeinsamer Abholstation "
        "in der {centre}.",
        description=(
            "Landwirtschaftliche Direktvermarkter werden auf einer gemeinsamen Karte mit Angebot und Öffnungszeiten "
            "dargestellt. Über eine Vorbestellfunktion können Kund*innen Produkte mehrerer Höfe an einer "
            "Abholstation im Ortskern abholen."
        ),
        unit="Wirtschaftsförderung",
        partners=(("landwirtschaft", "Höfe und Vermarktung"), ("werbegemeinschaft", "Abholstation")),
        benefits=(
            ("handel", 2, "Neue Kundschaft für landwirtschaftliche Betriebe."),
            ("alle", 2, "Regionale Lebensmittel einfach bekommen."),
            ("gaeste", 1, "Regionale Produkte als Erlebnis."),
        ),
        risks="Pflegeaufwand für die Höfe; Logistik der Abholstation.",
        transferability="hoch",
        transfer_note="Landwirtschaftliche Ortsverbände früh einbinden.",
        kinds=RURAL,
        invest=(15_000, 35_000),
        running=(3_000, 6_000),
        funding=("LEADER", ""),
        effort=(5, 15),
        months=(6, 12),
        focus="handel",
    ),
    # --- Zivilgesellschaft --------------------------------------------------------------------------------
    M(
        key="dorfapp",
        field="zivilgesellschaft",
        title="Dorf-App „{town} vernetzt“",
        summary="Eine App für Neuigkeiten, Termine, Vereinsinfos und Nachbarschaftshilfe in allen Ortsteilen.",
        description=(
            "Die Dorf-App bündelt Nachrichten der Stadt, Termine der Vereine, einen Marktplatz für Nachbarschaftshilfe "
            "und einen Plausch-Bereich für {district} und {district2}. Ehrenamtliche Redakteur*innen aus den "
            "Ortsteilen halten die Inhalte aktuell; Push-Nachrichten informieren bei Straßensperrungen oder "
            "Unwettern."
        ),
        unit="Stabsstelle Digitalisierung / Öffentlichkeitsarbeit",
        partners=(
            ("heimatverein", "Redaktion aus den Ortsteilen"),
            ("sportverein", "Vereinsinhalte"),
            ("kreis", "Bereitstellung der Plattform"),
        ),
        benefits=(
            ("alle", 3, "Alles Wichtige aus dem Ort in einer App."),
            ("verein", 3, "Termine und Mitgliederwerbung ohne eigene Website."),
            ("alt", 2, "Nachbarschaftshilfe einfach anfragen."),
            ("verw", 1, "Direkter Informationskanal bei Störungen."),
        ),
        risks="Redaktionelle Betreuung auf Dauer; Konkurrenz zu Messenger-Gruppen.",
        transferability="hoch",
        transfer_note="Bewährte Dorf-App-Lösungen aus Förderprojekten sind günstig nachnutzbar.",
        kinds=RURAL,
        invest=(8_000, 20_000),
        running=(3_000, 8_000),
        funding=("LEADER", "Heimat-Förderprogramm NRW"),
        effort=(10, 20),
        months=(3, 9),
        focus="dorf",
        milestones=("Redaktionsteam gebildet", "App veröffentlicht", "1.000 Nutzer*innen"),
    ),
    M(
        key="digitallotsen",
        field="zivilgesellschaft",
        title="Digital-Lotsinnen und -Lotsen für ältere Menschen",
        summary="Ehrenamtliche helfen Seniorinnen und Senioren in Sprechstunden beim Umgang mit Smartphone und Tablet.",
        description=(
            "Geschulte Ehrenamtliche bieten wöchentliche Sprechstunden in Bibliothek, Seniorentreff und Bürgerhäusern "
            "an. Leihtablets ermöglichen das Ausprobieren ohne eigene Anschaffung. Die Volkshochschule bildet die "
            "Lots*innen aus und begleitet sie fachlich."
        ),
        unit="Sozialamt / Seniorenbüro",
        partners=(
            ("vhs", "Ausbildung der Lots*innen"),
            ("seniorenbeirat", "Bewerbung und Standorte"),
            ("caritas", "Einsatz in der Seniorenarbeit"),
        ),
        benefits=(
            ("alt", 3, "Sicher mit Smartphone, Videotelefonie und Online-Terminen umgehen."),
            ("verein", 2, "Sinnstiftendes Ehrenamt für technikaffine Menschen."),
            ("alle", 1, "Digitale Angebote erreichen alle Generationen."),
        ),
        risks="Gewinnung und Bindung von Ehrenamtlichen.",
        transferability="hoch",
        transfer_note="Das Landesprogramm für Digital-Botschafter*innen stellt Schulungsmaterial bereit.",
        invest=(5_000, 15_000),
        running=(4_000, 10_000),
        funding=("Heimat-Förderprogramm NRW", "LEADER", ""),
        effort=(10, 20),
        months=(6, 12),
        focus="teilhabe",
    ),
    M(
        key="ehrenamtsboerse",
        field="zivilgesellschaft",
        title="Ehrenamtsbörse online",
        summary="Vereine und Initiativen suchen Engagierte online – auch für kurze, projektbezogene Einsätze.",
        description=(
            "Auf einer Ehrenamtsbörse stellen Vereine, Kirchengemeinden und Initiativen Mitmach-Angebote ein; "
            "Interessierte filtern nach Zeit, Ort und Thema. Die Ehrenamtskarte NRW und eine Engagement-Sprechstunde "
            "ergänzen das Angebot."
        ),
        unit="Ehrenamtsbüro",
        partners=(("sportverein", "Angebote der Sportvereine"), ("caritas", "Angebote der Wohlfahrt")),
        benefits=(
            ("verein", 3, "Neue Engagierte gewinnen."),
            ("alle", 2, "Passendes Ehrenamt einfach finden."),
            ("jung", 1, "Kurze Projekte für junge Menschen."),
        ),
        risks="Aktualität der Angebote.",
        transferability="hoch",
        transfer_note="Mit der Freiwilligenagentur oder dem Kreis gemeinsam betreiben.",
        invest=(5_000, 15_000),
        running=(2_000, 5_000),
        funding=("Heimat-Förderprogramm NRW", ""),
        effort=(5, 15),
        months=(3, 6),
        focus="beteiligung",
    ),
    M(
        key="beteiligungsplattform",
        field="zivilgesellschaft",
        further=("verwaltung",),
        title="Online-Beteiligungsplattform „Mitreden in {town}“",
        summary="Eine Beteiligungsplattform für Umfragen, Ideen, Bürgerhaushalt und Planverfahren.",
        description=(
            "Auf Basis der offenen Software „Decidim“ oder „CONSUL“ werden Beteiligungen gebündelt: Umfragen, "
            "Ideensammlungen, Kommentare zu Planentwürfen und ein Bürgerbudget. Jede Beteiligung endet mit einer "
            "Rückmeldung, was aus den Beiträgen geworden ist. Analoge Formate bleiben gleichwertig."
        ),
        unit="Büro des Bürgermeisters / Bürgerbeteiligung",
        partners=(("it", "Betrieb der Plattform"), ("hochschule", "Evaluation")),
        benefits=(
            ("alle", 3, "Mitreden ohne Sitzungstermin."),
            ("jung", 2, "Beteiligung in der Sprache und den Kanälen junger Menschen."),
            ("verw", 2, "Beiträge strukturiert auswerten."),
            ("verein", 1, "Vereine bringen eigene Ideen ein."),
        ),
        risks="Beteiligungsmüdigkeit, wenn Ergebnisse nicht sichtbar werden.",
        transferability="hoch",
        transfer_note="Ohne verlässliche Rückmeldung an die Beteiligten sinkt die Teilnahme schnell.",
        invest=(15_000, 40_000),
        running=(5_000, 12_000),
        funding=("Digitalstrategie NRW", ""),
        effort=(15, 30),
        months=(6, 12),
        focus="beteiligung",
    ),
    M(
        key="makerspace",
        field="zivilgesellschaft",
        title="Makerspace in der Stadtbibliothek",
        summary="3D-Drucker, Lasercutter, Robotik-Sets und Podcast-Studio für alle – mit Kursen und offenen "
        "Werkstattzeiten.",
        description=(
            "Die Stadtbibliothek richtet einen Makerspace ein, in dem Kinder, Jugendliche und Erwachsene digitale "
            "Werkzeuge ausprobieren. Schulen buchen Workshops; ehrenamtliche Maker betreuen offene Werkstattabende."
        ),
        unit="Stadtbibliothek",
        partners=(
            ("schulen", "Workshops im Unterricht"),
            ("digitalinitiative", "Offene Werkstattabende"),
            ("hochschule", "Technikpatenschaften"),
        ),
        benefits=(
            ("jung", 3, "Technik begreifen und eigene Ideen bauen."),
            ("alle", 1, "Digitale Werkzeuge ausprobieren, ohne sie zu kaufen."),
            ("verein", 1, "Raum für Initiativen und Repair-Cafés."),
        ),
        risks="Betreuungspersonal; Geräteverschleiß.",
        transferability="hoch",
        transfer_note="Bibliotheken sind ideale Orte: offen, niedrigschwellig, gut erreichbar.",
        kinds=URBAN,
        invest=(25_000, 60_000),
        running=(5_000, 12_000),
        funding=("Digitalstrategie NRW", "Städtebauförderung", ""),
        effort=(10, 20),
        months=(6, 12),
        focus="bildung",
    ),
    M(
        key="medienkompetenz",
        field="zivilgesellschaft",
        title="Medienkompetenz an Grundschulen",
        summary="Medienscouts, Tablet-Koffer und Elternabende stärken den sicheren Umgang mit digitalen Medien.",
        description=(
            "Gemeinsam mit dem Medienzentrum erhalten alle Grundschulen Tablet-Koffer und Unterrichtsideen nach dem "
            "Medienkompetenzrahmen NRW. Ältere Schüler*innen werden als Medienscouts ausgebildet; Elternabende "
            "greifen Themen wie Bildschirmzeit und Cybermobbing auf."
        ),
        unit="Amt für Schule und Sport",
        partners=(("schulen", "Umsetzung im Unterricht"), ("kreis", "Medienzentrum")),
        benefits=(
            ("jung", 3, "Sicher und kreativ mit digitalen Medien umgehen."),
            ("alle", 1, "Eltern erhalten Orientierung."),
        ),
        risks="Wartung der Geräte; Fortbildungszeit der Lehrkräfte.",
        transferability="hoch",
        transfer_note="IT-Support für die Schulen vorher klären.",
        invest=(30_000, 80_000),
        running=(8_000, 20_000),
        funding=("Digitalstrategie NRW", ""),
        effort=(10, 20),
        months=(9, 18),
        focus="bildung",
    ),
    M(
        key="hallenbelegung",
        field="zivilgesellschaft",
        title="Digitale Hallenbelegung und Vereinsplattform",
        summary="Sporthallen und Bürgerräume werden online gebucht; freie Zeiten sind für alle sichtbar.",
        description=(
            "Ein Buchungssystem zeigt die Belegung aller Sporthallen, Sportplätze und Bürgerräume. Vereine buchen "
            "freie Zeiten selbst und geben nicht genutzte Zeiten zurück; Schlüssel werden über elektronische "
            "Schließsysteme vergeben."
        ),
        unit="Amt für Schule und Sport",
        partners=(("sportverein", "Test und Einführung"),),
        benefits=(
            ("verein", 3, "Freie Hallenzeiten finden und direkt buchen."),
            ("verw", 2, "Weniger Telefonate und Zettelwirtschaft."),
            ("jung", 1, "Mehr Trainingszeiten durch bessere Auslastung."),
        ),
        risks="Akzeptanz bei langjährigen Hallennutzern; Schließtechnik.",
        transferability="hoch",
        transfer_note="Den Stadtsportverband als Mitgestalter gewinnen.",
        invest=(15_000, 45_000),
        running=(3_000, 8_000),
        funding=("",),
        effort=(10, 20),
        months=(6, 12),
        focus="beteiligung",
    ),
    M(
        key="jugendbeteiligung",
        field="zivilgesellschaft",
        title="Jugendbeteiligung digital: Jugendforum und Jugend-Budget",
        summary="Jugendliche entscheiden über ein eigenes Budget und bringen Ideen über eine App ein.",
        description=(
            "Ein jährliches Jugendforum und eine Beteiligungs-App geben jungen Menschen eine Stimme. Über ein "
            "Jugend-Budget stimmen sie digital über Projekte ab; die Jugendpflege begleitet die Umsetzung."
        ),
        unit="Jugendamt / Jugendpflege",
        partners=(("jugendring", "Moderation"), ("schulen", "Ansprache in den Klassen")),
        benefits=(
            ("jung", 3, "Eigene Ideen umsetzen und mitentscheiden."),
            ("verw", 1, "Ideen der jungen Generation direkt erfahren."),
            ("verein", 1, "Nachwuchs für Engagement."),
        ),
        risks="Zu lange Umsetzungszeiten frustrieren.",
        transferability="hoch",
        transfer_note="Schnelle, sichtbare Ergebnisse im ersten Jahr sind entscheidend.",
        invest=(5_000, 15_000),
        running=(10_000, 25_000),
        funding=("Heimat-Förderprogramm NRW", ""),
        effort=(10, 20),
        months=(6, 12),
        focus="beteiligung",
    ),
    M(
        key="openlibrary",
        field="zivilgesellschaft",
        title="Open Library: Bibliothek mit erweiterten Öffnungszeiten",
        summary="Mit Bibliotheksausweis und Selbstverbuchung ist die Bibliothek auch abends und sonntags geöffnet.",
        description=(
            "Nach skandinavischem Vorbild wird die Bibliothek mit Zugangskontrolle, Videotechnik und "
            "Selbstverbuchung ausgestattet. Außerhalb der Servicezeiten ist sie für registrierte Nutzer*innen "
            "zugänglich – als Lernort und Treffpunkt."
        ),
        unit="Stadtbibliothek",
        partners=(("vhs", "Lernangebote"),),
        benefits=(
            ("jung", 2, "Lernort am Abend und am Wochenende."),
            ("pendel", 2, "Ausleihe nach Feierabend."),
            ("alle", 2, "Dritter Ort im Zentrum."),
        ),
        risks="Sicherheitsbedenken; Personalrat.",
        transferability="hoch",
        transfer_note="Förderung durch das Land NRW für „Dritte Orte“ prüfen.",
        kinds=RURAL_MEDIUM,
        invest=(40_000, 90_000),
        running=(5_000, 10_000),
        funding=("Digitalstrategie NRW", "LEADER", ""),
        effort=(10, 20),
        months=(6, 12),
        focus="teilhabe",
    ),
    M(
        key="veranstaltungskalender",
        field="zivilgesellschaft",
        title="Gemeinsamer digitaler Veranstaltungskalender",
        summary="Ein Kalender für alle Veranstaltungen von Stadt, Vereinen und Kultur – mit offener Schnittstelle.",
        description=(
            "Vereine und Veranstalter tragen Termine einmal ein; der Kalender speist Website, App, Infostelen und "
            "die Tourismusportale der Region. Eine offene Schnittstelle erlaubt die Weiterverwendung durch Dritte."
        ),
        unit="Kulturamt / Stadtmarketing",
        partners=(("tourismus", "Ausspielung in Tourismusportalen"), ("sportverein", "Termine der Vereine")),
        benefits=(
            ("alle", 2, "Alle Veranstaltungen auf einen Blick."),
            ("verein", 2, "Mehr Reichweite mit einem Eintrag."),
            ("gaeste", 2, "Veranstaltungen auch in Tourismusportalen."),
        ),
        risks="Doppelte Pflege, wenn Vereine ihre eigenen Kalender behalten.",
        transferability="hoch",
        transfer_note="Offene Standards (iCal, schema.org) von Anfang an nutzen.",
        invest=(5_000, 20_000),
        running=(2_000, 5_000),
        funding=("Heimat-Förderprogramm NRW", ""),
        effort=(5, 10),
        months=(3, 6),
        focus="beteiligung",
    ),
    M(
        key="barrierefrei",
        field="zivilgesellschaft",
        further=("mobilitaet",),
        title="Barrierefreiheits-Stadtplan",
        summary="Ein digitaler Stadtplan zeigt barrierefreie Wege, Toiletten, Parkplätze und Eingänge.",
        description=(
            "Gemeinsam mit dem Behindertenbeirat werden öffentliche Gebäude, Toiletten, Haltestellen und Geschäfte "
            "auf Barrierefreiheit geprüft. Die Daten fließen in einen digitalen Stadtplan und in offene Karten "
            "wie Wheelmap. Mängel werden systematisch an die Fachbereiche gemeldet."
        ),
        unit="Inklusionsbeauftragte*r",
        partners=(("behindertenbeirat", "Erhebung und Prüfung"), ("werbegemeinschaft", "Geschäfte")),
        benefits=(
            ("inkl", 3, "Wege und Orte vorab auf Barrieren prüfen."),
            ("alt", 2, "Stufenlose Wege und Toiletten finden."),
            ("gaeste", 1, "Barrierefreie Ausflüge planen."),
            ("alle", 1, "Familien mit Kinderwagen profitieren ebenso."),
        ),
        risks="Aktualisierung der Daten; Umfang der Erhebung.",
        transferability="hoch",
        transfer_note="Betroffene als Expert*innen in eigener Sache erheben lassen.",
        invest=(10_000, 25_000),
        running=(2_000, 4_000),
        funding=("Heimat-Förderprogramm NRW", ""),
        effort=(10, 20),
        months=(6, 12),
        focus="teilhabe",
    ),
    M(
        key="notfallinfo",
        field="zivilgesellschaft",
        further=("verwaltung",),
        title="Notfall-Infopunkte und digitale Warnkette",
        summary="Notfall-Infopunkte in den Ortsteilen und Warnungen per App, Sirene und Infostele bei Krisen.",
        description=(
            "Bei Stromausfall oder Unwetter werden Feuerwehrhäuser und Bürgerhäuser zu Notfall-Infopunkten mit "
            "Notstrom und Funk. Warn-Apps, Sirenen und digitale Infostelen ergänzen sich; die Bevölkerung wird in "
            "Übungen eingebunden."
        ),
        unit="Ordnungsamt / Bevölkerungsschutz",
        partners=(("feuerwehr", "Betrieb der Infopunkte"), ("kreis", "Katastrophenschutz")),
        benefits=(
            ("alle", 3, "Verlässliche Anlaufstellen im Krisenfall."),
            ("alt", 2, "Hilfe auch ohne Internet und Telefon."),
            ("verw", 2, "Eingeübte Abläufe für den Ernstfall."),
        ),
        risks="Notstromversorgung; ehrenamtliche Besetzung.",
        transferability="hoch",
        transfer_note="Mit der Feuerwehr planen – sie kennt die Standorte und Menschen.",
        kinds=RURAL_MEDIUM,
        invest=(20_000, 60_000),
        running=(2_000, 5_000),
        funding=("",),
        effort=(10, 20),
        months=(6, 12),
        focus="teilhabe",
    ),
]

MEASURES_BY_KEY = {template.key: template for template in MEASURES}


# --- Needs ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NeedTemplate:
    field: str
    title: str
    description: str
    group: str  # user group key
    source: str  # NeedSource value
    detail: str  # source detail, may use {year}
    weight: tuple[int, int]
    kinds: frozenset = ALL


N = NeedTemplate

NEEDS: list[NeedTemplate] = [
    # Mobilität
    N(
        "mobilitaet",
        "Abends und am Wochenende fährt kein Bus in die Ortsteile",
        "Wer kein Auto hat, kommt nach 19 Uhr und sonntags nicht mehr nach Hause.",
        "jung",
        "umfrage",
        "Bürgerumfrage {year}, offene Antworten",
        (4, 5),
        RURAL_MEDIUM,
    ),
    N(
        "mobilitaet",
        "Ältere Menschen kommen ohne Auto nicht zum Arzt",
        "Arztpraxen und Apotheke liegen im Zentrum; Angehörige müssen fahren.",
        "alt",
        "workshop",
        "Seniorenforum {year}",
        (4, 5),
        RURAL_MEDIUM,
    ),
    N(
        "mobilitaet",
        "Zu viel Parksuchverkehr in der Innenstadt",
        "Autofahrer*innen kreisen samstags lange um die Innenstadt, der Lieferverkehr parkt in zweiter Reihe.",
        "handel",
        "analyse",
        "Verkehrszählung {year}",
        (3, 5),
        URBAN,
    ),
    N(
        "mobilitaet",
        "Sichere Abstellmöglichkeiten für Fahrräder am Bahnhof",
        "Hochwertige Räder und E-Bikes werden am Bahnhof gestohlen; es fehlen Fahrradboxen.",
        "pendel",
        "umfrage",
        "Pendler*innenbefragung {year}",
        (3, 4),
        ALL,
    ),
    N(
        "mobilitaet",
        "Echtzeitinformationen zu Bus und Bahn",
        "An den Haltestellen weiß man nicht, ob und wann der Bus kommt.",
        "alle",
        "idee",
        "Ideenplattform, 46 Unterstützungen",
        (2, 4),
        URBAN,
    ),
    N(
        "mobilitaet",
        "Sicherere Schulwege",
        "Eltern bringen ihre Kinder mit dem Auto, weil Querungen fehlen.",
        "jung",
        "workshop",
        "Kinder- und Jugendforum {year}",
        (3, 4),
        ALL,
    ),
    N(
        "mobilitaet",
        "Mehr Ladesäulen für E-Autos",
        "In den Wohngebieten ohne Garagen fehlen öffentliche Ladepunkte.",
        "alle",
        "umfrage",
        "Bürgerumfrage {year}, Frage 12",
        (2, 3),
        ALL,
    ),
    N(
        "mobilitaet",
        "Lastenräder zum Ausleihen",
        "Viele möchten ein Lastenrad erst ausprobieren, bevor sie eines kaufen.",
        "alle",
        "idee",
        "Ideenplattform, 31 Unterstützungen",
        (1, 3),
        ALL,
    ),
    # Nachhaltigkeit
    N(
        "nachhaltigkeit",
        "Schutz vor Hitze in Innenstadt und Quartieren",
        "In heißen Sommern fehlen Schatten, Trinkbrunnen und kühle Orte, vor allem für Ältere.",
        "alt",
        "workshop",
        "Klimawerkstatt {year}",
        (3, 5),
        URBAN,
    ),
    N(
        "nachhaltigkeit",
        "Frühwarnung bei Starkregen",
        "Nach den Unwettern der letzten Jahre wünschen sich Anwohnende in Tallagen eine frühzeitige Warnung.",
        "alle",
        "gespraech",
        "Bürgerversammlung nach dem Starkregen",
        (3, 5),
        ALL,
    ),
    N(
        "nachhaltigkeit",
        "Transparenz über den Stand der Klimaziele",
        "Es ist nicht nachvollziehbar, ob die Stadt ihre Klimaziele erreicht.",
        "jung",
        "gespraech",
        "Gespräch mit Fridays for Future",
        (2, 4),
        URBAN,
    ),
    N(
        "nachhaltigkeit",
        "Unterstützung beim Umstieg auf Solarstrom",
        "Hausbesitzer*innen wissen nicht, ob sich eine Solaranlage auf ihrem Dach lohnt.",
        "alle",
        "umfrage",
        "Bürgerumfrage {year}, Frage 15",
        (2, 4),
        ALL,
    ),
    N(
        "nachhaltigkeit",
        "Überquellende Mülleimer an Ausflugszielen",
        "An schönen Wochenenden sind Abfallbehälter an Parks und Ausflugszielen überfüllt.",
        "gaeste",
        "analyse",
        "Beschwerdeauswertung Bauhof {year}",
        (2, 3),
        ALL,
    ),
    N(
        "nachhaltigkeit",
        "Trockenstress und Schäden im Wald",
        "Borkenkäfer und Trockenheit haben große Waldflächen geschädigt; Waldbesitzer*innen wünschen ein Monitoring.",
        "verein",
        "gespraech",
        "Waldbauernverband, Jahresversammlung",
        (3, 5),
        RURAL,
    ),
    N(
        "nachhaltigkeit",
        "Hohe Energiekosten der städtischen Gebäude",
        "Die Energiekosten für Schulen und Turnhallen sind stark gestiegen.",
        "verw",
        "analyse",
        "Energiebericht {year}",
        (3, 4),
        ALL,
    ),
    # Verwaltung
    N(
        "verwaltung",
        "Behördengänge online erledigen",
        "Viele Anliegen erfordern noch einen Besuch im Rathaus während der Öffnungszeiten.",
        "pendel",
        "umfrage",
        "Bürgerumfrage {year}, Frage 3",
        (4, 5),
        ALL,
    ),
    N(
        "verwaltung",
        "Kürzere Wartezeiten im Bürgerbüro",
        "Termine im Bürgerbüro sind erst in mehreren Wochen frei; spontan wartet man lange.",
        "alle",
        "umfrage",
        "Bürgerumfrage {year}, Frage 4",
        (3, 5),
        ALL,
    ),
    N(
        "verwaltung",
        "Offene Daten der Stadt",
        "Initiativen und Unternehmen möchten städtische Daten nutzen, finden sie aber nicht.",
        "handel",
        "workshop",
        "Strategiewerkstatt Daten {year}",
        (2, 3),
        URBAN,
    ),
    N(
        "verwaltung",
        "Einfacher Schäden im Straßenraum melden",
        "Defekte Laternen und Schlaglöcher werden telefonisch gemeldet, der Bearbeitungsstand bleibt unklar.",
        "alle",
        "idee",
        "Ideenplattform, 58 Unterstützungen",
        (2, 4),
        ALL,
    ),
    N(
        "verwaltung",
        "Digitale Kompetenzen der Beschäftigten stärken",
        "Beschäftigte wünschen sich Fortbildungen zu neuen digitalen Werkzeugen.",
        "verw",
        "umfrage",
        "Beschäftigtenbefragung {year}",
        (3, 4),
        ALL,
    ),
    N(
        "verwaltung",
        "Fachkräfte für Digitalisierung fehlen",
        "Die kleine Verwaltung kann IT- und Digitalisierungsstellen kaum besetzen.",
        "verw",
        "analyse",
        "Personalbericht {year}",
        (3, 5),
        RURAL_MEDIUM,
    ),
    # Wohnen
    N(
        "wohnen",
        "Leerstände in der Innenstadt beleben",
        "Leere Schaufenster prägen Teile der Einkaufsstraße; es fehlen neue Nutzungen.",
        "handel",
        "workshop",
        "Innenstadtdialog {year}",
        (4, 5),
        ALL,
    ),
    N(
        "wohnen",
        "Schnelles Internet in den Außenbereichen",
        "Hofstellen und Siedlungen im Außenbereich haben teils unter 16 Mbit/s.",
        "alle",
        "analyse",
        "Breitbandatlas {year}",
        (4, 5),
        RURAL_MEDIUM,
    ),
    N(
        "wohnen",
        "Länger selbstständig zu Hause wohnen",
        "Ältere Menschen möchten in ihrer Wohnung bleiben und suchen Unterstützung durch Technik.",
        "alt",
        "workshop",
        "Seniorenforum {year}",
        (3, 4),
        ALL,
    ),
    N(
        "wohnen",
        "Bezahlbarer Wohnraum für Familien",
        "Junge Familien finden keine passenden Wohnungen oder Bauplätze im Ort.",
        "jung",
        "umfrage",
        "Bürgerumfrage {year}, Frage 8",
        (3, 5),
        ALL,
    ),
    N(
        "wohnen",
        "Nachbarschaft in den Quartieren stärken",
        "In den großen Wohnsiedlungen kennen sich die Nachbar*innen kaum; Angebote sind unbekannt.",
        "alle",
        "workshop",
        "Quartierswerkstatt {year}",
        (3, 4),
        URBAN,
    ),
    N(
        "wohnen",
        "Kostenloses WLAN an öffentlichen Plätzen",
        "Jugendliche und Gäste wünschen sich WLAN am Marktplatz und am Bahnhof.",
        "jung",
        "idee",
        "Jugendforum {year}",
        (2, 3),
        ALL,
    ),
    N(
        "wohnen",
        "Treffpunkte in den Ortsteilen erhalten",
        "Nach der Schließung von Gaststätte und Bankfiliale fehlt im Ortsteil ein Treffpunkt.",
        "alle",
        "gespraech",
        "Ortsteilgespräch {year}",
        (3, 4),
        RURAL,
    ),
    # Wirtschaft
    N(
        "wirtschaft",
        "Handel braucht Unterstützung bei der Digitalisierung",
        "Kleine Geschäfte haben weder Zeit noch Know-how für Online-Sichtbarkeit.",
        "handel",
        "workshop",
        "Händlerfrühstück {year}",
        (3, 5),
        ALL,
    ),
    N(
        "wirtschaft",
        "Arbeitsplätze im Ort für Pendler*innen",
        "Viele pendeln täglich in die Großstadt und würden gern im Ort arbeiten.",
        "pendel",
        "umfrage",
        "Pendler*innenbefragung {year}",
        (3, 5),
        RURAL_MEDIUM,
    ),
    N(
        "wirtschaft",
        "Überlastete Parkplätze an Ausflugstagen",
        "An Wochenenden und in den Ferien sind Zufahrten und Parkplätze an den Ausflugszielen überlastet.",
        "gaeste",
        "analyse",
        "Verkehrszählung Saison {year}",
        (4, 5),
        RURAL_MEDIUM,
    ),
    N(
        "wirtschaft",
        "Fachkräfte und Auszubildende fehlen",
        "Betriebe finden kaum Auszubildende; junge Menschen kennen die Betriebe vor Ort nicht.",
        "handel",
        "gespraech",
        "Unternehmerstammtisch {year}",
        (3, 5),
        ALL,
    ),
    N(
        "wirtschaft",
        "Kaufkraft in der Stadt halten",
        "Viele kaufen online oder im Oberzentrum; der Handel verliert Umsatz.",
        "handel",
        "analyse",
        "Einzelhandelsgutachten {year}",
        (3, 4),
        ALL,
    ),
    N(
        "wirtschaft",
        "Regionale Produkte leichter kaufen",
        "Hofläden haben unterschiedliche Öffnungszeiten und sind schwer zu finden.",
        "alle",
        "idee",
        "Ideenplattform, 27 Unterstützungen",
        (2, 3),
        RURAL,
    ),
    N(
        "wirtschaft",
        "Start-ups und Hochschule enger verbinden",
        "Absolvent*innen verlassen die Stadt, weil Gründungsräume und Netzwerke fehlen.",
        "jung",
        "workshop",
        "Strategiewerkstatt Wirtschaft {year}",
        (2, 4),
        CITY,
    ),
    # Zivilgesellschaft
    N(
        "zivilgesellschaft",
        "Ältere Menschen beim Umgang mit Smartphone unterstützen",
        "Viele Seniorinnen und Senioren fühlen sich von digitalen Angeboten abgehängt.",
        "alt",
        "workshop",
        "Seniorenforum {year}",
        (4, 5),
        ALL,
    ),
    N(
        "zivilgesellschaft",
        "Vereine finden keinen Nachwuchs für das Ehrenamt",
        "Vorstandsposten bleiben unbesetzt; junge Menschen engagieren sich lieber projektbezogen.",
        "verein",
        "gespraech",
        "Vereinskonferenz {year}",
        (3, 5),
        ALL,
    ),
    N(
        "zivilgesellschaft",
        "Alle Termine und Neuigkeiten an einem Ort",
        "Informationen sind auf Zeitung, Aushänge, Websites und Messenger-Gruppen verteilt.",
        "alle",
        "umfrage",
        "Bürgerumfrage {year}, Frage 17",
        (3, 4),
        ALL,
    ),
    N(
        "zivilgesellschaft",
        "Jugendliche wollen mitentscheiden",
        "Junge Menschen fühlen sich bei Planungen nicht gehört.",
        "jung",
        "workshop",
        "Jugendforum {year}",
        (3, 4),
        ALL,
    ),
    N(
        "zivilgesellschaft",
        "Digitale Lernorte für Kinder und Jugendliche",
        "Es fehlen Orte, an denen Kinder programmieren, basteln und experimentieren können.",
        "jung",
        "idee",
        "Ideenplattform, 39 Unterstützungen",
        (2, 4),
        URBAN,
    ),
    N(
        "zivilgesellschaft",
        "Barrierefreie Informationen",
        "Informationen der Stadt sind für Menschen mit Seh- oder Lernbeeinträchtigung schwer zugänglich.",
        "inkl",
        "gespraech",
        "Behindertenbeirat, Sitzung {year}",
        (3, 4),
        ALL,
    ),
    N(
        "zivilgesellschaft",
        "Online mitreden bei Planungen",
        "Beteiligung findet abends im Rathaus statt – Berufstätige und Familien können selten teilnehmen.",
        "alle",
        "umfrage",
        "Bürgerumfrage {year}, Frage 19",
        (3, 4),
        ALL,
    ),
]


# --- Foci with goals and indicators -----------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorTemplate:
    name: str
    unit: str
    baseline: float
    target: float
    scaling: float = 0.0  # baseline and target are for 10 000 inhabitants, scaled by (population / 10 000) ** scaling
    decimals: int = 0


@dataclass(frozen=True)
class GoalTemplate:
    title: str
    description: str
    indicators: tuple[IndicatorTemplate, ...]


@dataclass(frozen=True)
class FocusTemplate:
    key: str
    field: str
    title: str
    description: str
    rationale: str  # may use {score} and {need}
    goals: tuple[GoalTemplate, ...] = field(default_factory=tuple)
    kinds: frozenset = ALL


Ind, Aim = IndicatorTemplate, GoalTemplate

FOCI: list[FocusTemplate] = [
    FocusTemplate(
        "mobland",
        "mobilitaet",
        "Mobilität ohne eigenes Auto in allen Ortsteilen",
        "Ortsteile und Außenbereiche sollen verlässlich und ohne eigenes Auto erreichbar sein – mit Bürgerbus, "
        "On-Demand-Angeboten und Mitfahrgelegenheiten.",
        "Der Reifegrad-Check zeigt im Handlungsfeld Mobilität erst {score} von 4 Punkten; in der Bestandsaufnahme "
        "war „{need}“ einer der am häufigsten genannten Bedarfe.",
        (
            Aim(
                "Jede Ortslage ist tagsüber mindestens stündlich angebunden",
                "Ergänzende Angebote schließen die Lücken des Linienverkehrs.",
                (
                    Ind("Fahrgäste im Bürgerbus und On-Demand-Verkehr pro Monat", "Anzahl", 180, 900, scaling=1),
                    Ind("Anteil der Einwohner*innen mit mindestens stündlichem Angebot", "%", 54, 85),
                ),
            ),
            Aim(
                "Ältere Menschen bleiben mobil",
                "Arztbesuche und Einkäufe sind ohne Angehörige möglich.",
                (Ind("Ehrenamtliche Fahrer*innen", "Anzahl", 8, 25),),
            ),
        ),
        RURAL_MEDIUM,
    ),
    FocusTemplate(
        "mobvernetzt",
        "mobilitaet",
        "Vernetzte, klimafreundliche Mobilität",
        "Bus, Bahn, Rad und Sharing werden an Mobilstationen verknüpft; Echtzeitinformationen machen den "
        "Umweltverbund bequem.",
        "Mit {score} von 4 Punkten liegt der Reifegrad in der Mobilität unter dem Netzwerkdurchschnitt; "
        "„{need}“ wurde in Umfrage und Werkstatt immer wieder genannt.",
        (
            Aim(
                "Den Anteil des Umweltverbunds am Modal Split erhöhen",
                "Mehr Wege zu Fuß, mit dem Rad, Bus und Bahn statt mit dem Auto.",
                (
                    Ind("Anteil des Umweltverbunds an allen Wegen", "%", 38, 55, decimals=1),
                    Ind("Mobilstationen in Betrieb", "Anzahl", 0, 8),
                ),
            ),
            Aim(
                "Radverkehr sicher und attraktiv machen",
                "Lückenschlüsse und sichere Abstellanlagen.",
                (
                    Ind("Radfahrten an den Dauerzählstellen (Tagesmittel)", "Fahrten/Tag", 1_800, 2_700, scaling=1),
                    Ind("Fahrradabstellplätze an Bahnhof und Haltestellen", "Anzahl", 120, 400),
                ),
            ),
        ),
        URBAN,
    ),
    FocusTemplate(
        "parken",
        "mobilitaet",
        "Parksuchverkehr und Lieferverkehr in der Innenstadt verringern",
        "Digitale Parkinformation, Handyparken und gebündelte Logistik entlasten die Innenstadt.",
        "„{need}“ – die Verkehrszählung bestätigt den hohen Anteil an Suchverkehr; der Reifegrad Mobilität liegt "
        "bei {score} von 4.",
        (
            Aim(
                "Parksuchverkehr in der Innenstadt halbieren",
                "Freie Plätze werden gefunden, bevor man sucht.",
                (
                    Ind("Durchschnittliche Parksuchzeit", "Minuten", 9.5, 4.5, decimals=1),
                    Ind("Anteil digital bezahlter Parkvorgänge", "%", 12, 60),
                ),
            ),
        ),
        URBAN,
    ),
    FocusTemplate(
        "klimaanpassung",
        "nachhaltigkeit",
        "Klimaanpassung und Hitzeschutz mit Daten steuern",
        "Messnetze und Frühwarnsysteme zeigen, wo Hitze und Starkregen die Menschen am stärksten treffen, und "
        "machen Wirkung von Begrünung und Entsiegelung messbar.",
        "Der Reifegrad Nachhaltigkeit liegt bei {score} von 4; nach den Extremwetterereignissen der letzten Jahre "
        "steht „{need}“ weit oben auf der Liste der Bedarfe.",
        (
            Aim(
                "Hitzeinseln kennen und entschärfen",
                "Ein flächendeckendes Messnetz und gezielte Maßnahmen.",
                (
                    Ind("Klimamessstationen in Betrieb", "Anzahl", 0, 40),
                    Ind("Neu gepflanzte Stadtbäume mit Bodenfeuchtesensor", "Anzahl", 0, 250),
                ),
            ),
            Aim(
                "Frühzeitig vor Starkregen warnen",
                "Feuerwehr und Anwohnende gewinnen wertvolle Minuten.",
                (Ind("Überwachte Gewässerabschnitte und Durchlässe", "Anzahl", 0, 12),),
            ),
        ),
        ALL,
    ),
    FocusTemplate(
        "energie",
        "nachhaltigkeit",
        "Energie sparen und erneuerbar erzeugen",
        "Kommunale Gebäude und Straßenbeleuchtung werden digital gesteuert; Bürger*innen werden beim Umstieg auf "
        "Solarstrom unterstützt.",
        "Die Energiekosten der Liegenschaften sind stark gestiegen; der Reifegrad Nachhaltigkeit liegt bei "
        "{score} von 4. Aus der Beteiligung kam „{need}“.",
        (
            Aim(
                "Energieverbrauch der städtischen Gebäude um 20 Prozent senken",
                "Verbräuche werden sichtbar, Auffälligkeiten sofort behoben.",
                (
                    Ind("Stromverbrauch kommunaler Liegenschaften", "MWh/Jahr", 2_400, 1_900, scaling=1),
                    Ind("Liegenschaften mit digitalem Energiemonitoring", "%", 5, 80),
                ),
            ),
            Aim(
                "Photovoltaik-Ausbau beschleunigen",
                "Mehr Dachanlagen auf privaten und städtischen Gebäuden.",
                (Ind("Installierte Photovoltaik-Leistung", "MWp", 6, 15, scaling=1, decimals=1),),
            ),
        ),
        ALL,
    ),
    FocusTemplate(
        "landschaft",
        "nachhaltigkeit",
        "Wald, Wasser und Landschaft digital beobachten",
        "Sensoren und Fernerkundung helfen, Schäden in Wald und Gewässern früh zu erkennen.",
        "Borkenkäfer und Trockenheit haben den Wald stark geschädigt; „{need}“ kam aus der Forstwirtschaft. "
        "Reifegrad Nachhaltigkeit: {score} von 4.",
        (
            Aim(
                "Schäden im Stadtwald früh erkennen",
                "Gezielte Eingriffe statt großflächiger Kahlflächen.",
                (Ind("Waldfläche mit Sensor- und Drohnenmonitoring", "ha", 0, 600),),
            ),
        ),
        RURAL,
    ),
    FocusTemplate(
        "dienste",
        "verwaltung",
        "Verwaltungsleistungen digital und barrierearm",
        "Die wichtigsten Anliegen lassen sich online erledigen; wer Hilfe braucht, bekommt sie im Bürgerbüro "
        "schneller.",
        "Im Reifegrad-Check erreichte die Verwaltung {score} von 4 Punkten; „{need}“ war der meistgenannte Wunsch "
        "der Bürgerumfrage.",
        (
            Aim(
                "Die 30 wichtigsten Leistungen vollständig online anbieten",
                "Ende-zu-Ende digital, ohne Medienbruch.",
                (
                    Ind("Vollständig online verfügbare Verwaltungsleistungen", "Anzahl", 6, 30),
                    Ind("Anteil online gestellter Anträge", "%", 8, 45),
                ),
            ),
            Aim(
                "Wartezeiten im Bürgerbüro verkürzen",
                "Termine in wenigen Tagen, spontan kurze Wartezeiten.",
                (Ind("Durchschnittliche Wartezeit auf einen Termin", "Tage", 18, 5),),
            ),
        ),
        ALL,
    ),
    FocusTemplate(
        "daten",
        "verwaltung",
        "Daten als Grundlage für Entscheidungen",
        "Eine gemeinsame Dateninfrastruktur bündelt Sensor-, Geo- und Verwaltungsdaten und macht sie – wo möglich – "
        "offen zugänglich.",
        "Der Reifegrad bei Daten und Infrastruktur liegt bei {score} von 4; „{need}“ kam aus Wirtschaft und "
        "Zivilgesellschaft.",
        (
            Aim(
                "Offene Daten bereitstellen",
                "Datensätze werden offen, aktuell und maschinenlesbar veröffentlicht.",
                (Ind("Veröffentlichte offene Datensätze", "Anzahl", 4, 80),),
            ),
            Aim(
                "Sensordaten in einer Plattform bündeln",
                "Alle Sensorprojekte nutzen eine gemeinsame Infrastruktur.",
                (
                    Ind("Angebundene Sensoren", "Anzahl", 0, 600),
                    Ind("Fachbereiche mit eigenem Datendashboard", "Anzahl", 0, 8),
                ),
            ),
        ),
        URBAN,
    ),
    FocusTemplate(
        "intern",
        "verwaltung",
        "Digitale Arbeitsweisen in der Verwaltung",
        "E-Akte, digitale Gremienarbeit und Fortbildung machen die Verwaltung schneller und als Arbeitgeberin "
        "attraktiver.",
        "Reifegrad Verwaltung {score} von 4; in der Beschäftigtenbefragung wurde „{need}“ besonders betont.",
        (
            Aim(
                "Die E-Akte in der ganzen Kernverwaltung einführen",
                "Papierlose Vorgänge und mobiles Arbeiten.",
                (Ind("Arbeitsplätze mit E-Akte", "%", 5, 100),),
            ),
            Aim(
                "Beschäftigte digital qualifizieren",
                "Jede*r Beschäftigte besucht mindestens eine Fortbildung.",
                (Ind("Fortgebildete Beschäftigte", "Anzahl", 20, 180),),
            ),
        ),
        ALL,
    ),
    FocusTemplate(
        "innenstadt",
        "wohnen",
        "Lebendiger Ortskern und starke Innenstadt",
        "Leerstände werden aktiv vermittelt und zwischengenutzt; Innenentwicklung hat Vorrang vor neuen Baugebieten.",
        "„{need}“ ist der Bedarf mit dem höchsten Gewicht im Innenstadtdialog; der Reifegrad Wohnen liegt bei "
        "{score} von 4.",
        (
            Aim(
                "Leerstand in den Erdgeschosslagen halbieren",
                "Neue Nutzungen für leere Ladenlokale.",
                (
                    Ind("Leerstandsquote in den Erdgeschosslagen", "%", 14, 7, decimals=1),
                    Ind("Vermittelte Zwischennutzungen", "Anzahl", 0, 12),
                ),
            ),
        ),
        ALL,
    ),
    FocusTemplate(
        "quartier",
        "wohnen",
        "Nachbarschaft und Beteiligung in den Quartieren",
        "Digitale Quartiersplattformen und anschauliche Planung stärken Zusammenhalt und Mitsprache im Quartier.",
        "Im Reifegrad-Check Wohnen {score} von 4; aus den Quartierswerkstätten kam „{need}“.",
        (
            Aim(
                "Quartiersplattformen in den Pilotquartieren etablieren",
                "Nachbarschaft digital und vor Ort vernetzen.",
                (Ind("Registrierte Nutzer*innen der Quartiersplattformen", "Anzahl", 0, 600, scaling=1),),
            ),
        ),
        URBAN,
    ),
    FocusTemplate(
        "alter",
        "wohnen",
        "Selbstbestimmt wohnen in jedem Alter",
        "Technik, Beratung und passender Wohnraum ermöglichen ein langes, selbstbestimmtes Leben zu Hause.",
        "Der demografische Wandel ist deutlich; „{need}“ wurde im Seniorenforum vielfach genannt. Reifegrad Wohnen: "
        "{score} von 4.",
        (
            Aim(
                "Beratung zu Assistenztechnik etablieren",
                "Ältere Menschen und Angehörige kennen die Möglichkeiten.",
                (Ind("Beratungen zu Assistenztechnik pro Jahr", "Anzahl", 0, 150),),
            ),
        ),
        ALL,
    ),
    FocusTemplate(
        "netz",
        "wohnen",
        "Schnelles Internet für alle Ortsteile",
        "Glasfaser bis zur Hofstelle und öffentliches WLAN an zentralen Orten sind Voraussetzung für alle weiteren "
        "digitalen Angebote.",
        "„{need}“ – im Breitbandatlas sind noch viele Adressen unterversorgt. Reifegrad Wohnen: {score} von 4.",
        (
            Aim(
                "Alle Haushalte gigabitfähig anschließen",
                "Keine weißen Flecken mehr im Stadtgebiet.",
                (
                    Ind("Haushalte mit Gigabit-Anschluss", "%", 48, 95, decimals=1),
                    Ind("Öffentliche WLAN-Hotspots", "Anzahl", 2, 25),
                ),
            ),
        ),
        RURAL_MEDIUM,
    ),
    FocusTemplate(
        "handel",
        "wirtschaft",
        "Handel und Gastronomie digital stärken",
        "Lokale Geschäfte werden online sichtbar; Frequenzdaten und gemeinsame Aktionen halten Kaufkraft in der Stadt.",
        "Der Handel steht unter Druck; „{need}“ war das wichtigste Anliegen der Händlerschaft. Reifegrad Wirtschaft: "
        "{score} von 4.",
        (
            Aim(
                "Die Innenstadt als Einkaufsort stärken",
                "Mehr Besuche und längere Aufenthalte.",
                (
                    Ind("Passantenfrequenz samstags (Spitzenstunde)", "Personen/Stunde", 500, 680, scaling=0.5),
                    Ind("Geschäfte mit Online-Angebot auf dem lokalen Marktplatz", "Anzahl", 0, 60),
                ),
            ),
        ),
        ALL,
    ),
    FocusTemplate(
        "tourismus",
        "wirtschaft",
        "Tourismus digital lenken und erlebbar machen",
        "Besucherlenkung, digitale Gästekarte und neue Erlebnisangebote entzerren Spitzen und verlängern den "
        "Aufenthalt.",
        "An Spitzentagen sind Zufahrten und Parkplätze überlastet; „{need}“ nannten Anwohnende wie Gastgeber. "
        "Reifegrad Wirtschaft: {score} von 4.",
        (
            Aim(
                "Besucherströme an Spitzentagen entzerren",
                "Weniger Überlastung an den bekanntesten Zielen.",
                (Ind("Tage mit überlasteten Parkplätzen pro Saison", "Tage", 34, 10),),
            ),
            Aim(
                "Gäste länger in der Stadt halten",
                "Mehr Übernachtungen statt Tagesausflügen.",
                (
                    Ind("Übernachtungen pro Jahr", "Anzahl", 160_000, 190_000, scaling=1),
                    Ind("Aktivierte digitale Gästekarten", "Anzahl", 0, 25_000),
                ),
            ),
        ),
        RURAL_MEDIUM,
    ),
    FocusTemplate(
        "arbeit",
        "wirtschaft",
        "Arbeiten, Lernen und Gründen vor Ort",
        "Co-Working, Beratung und ein gemeinsamer Auftritt der Betriebe halten Fachkräfte und Pendler*innen im Ort.",
        "Viele pendeln täglich aus; „{need}“ kam aus der Pendler*innenbefragung. Reifegrad Wirtschaft: {score} von 4.",
        (
            Aim(
                "Wohnortnahe Arbeitsplätze schaffen",
                "Pendler*innen arbeiten an einigen Tagen im Ort.",
                (
                    Ind("Gebuchte Co-Working-Tage pro Monat", "Tage", 0, 300),
                    Ind("Beratene Betriebe pro Jahr", "Anzahl", 10, 60),
                ),
            ),
        ),
        RURAL_MEDIUM,
    ),
    FocusTemplate(
        "innovation",
        "wirtschaft",
        "Innovationsstandort mit Hochschule und Mittelstand",
        "Hochschule, Start-ups und Mittelstand entwickeln gemeinsam Lösungen für die Stadt im Reallabor.",
        "„{need}“ – Absolvent*innen wandern ab. Reifegrad Wirtschaft: {score} von 4.",
        (
            Aim(
                "Gründungen im Digitalbereich verdoppeln",
                "Mehr Start-ups bleiben in der Stadt.",
                (
                    Ind("Gründungen im Digitalbereich pro Jahr", "Anzahl", 14, 30),
                    Ind("Reallabor-Projekte mit der Stadt", "Anzahl", 0, 10),
                ),
            ),
        ),
        CITY,
    ),
    FocusTemplate(
        "teilhabe",
        "zivilgesellschaft",
        "Digitale Teilhabe für alle Generationen",
        "Niemand wird zurückgelassen: Sprechstunden, Lernorte und barrierefreie Angebote begleiten den digitalen "
        "Wandel.",
        "„{need}“ wurde in allen Beteiligungsformaten genannt; der Reifegrad Zivilgesellschaft liegt bei {score} "
        "von 4.",
        (
            Aim(
                "Ältere Menschen digital begleiten",
                "Regelmäßige Sprechstunden in allen Stadtteilen.",
                (
                    Ind("Teilnehmende an Digital-Sprechstunden pro Jahr", "Anzahl", 40, 400),
                    Ind("Aktive Digital-Lots*innen", "Anzahl", 0, 30),
                ),
            ),
        ),
        ALL,
    ),
    FocusTemplate(
        "beteiligung",
        "zivilgesellschaft",
        "Beteiligung und Ehrenamt digital unterstützen",
        "Digitale Beteiligung, Ehrenamtsbörse und gemeinsame Kalender stärken Engagement und Mitsprache.",
        "Reifegrad Zivilgesellschaft {score} von 4; „{need}“ kam aus Vereinskonferenz und Bürgerumfrage.",
        (
            Aim(
                "Mehr Menschen beteiligen sich an Planungen",
                "Auch Berufstätige, Familien und Jugendliche reden mit.",
                (Ind("Beiträge auf der Beteiligungsplattform pro Jahr", "Anzahl", 0, 1_500, scaling=0.5),),
            ),
            Aim(
                "Ehrenamt sichtbar machen",
                "Vereine finden Engagierte leichter.",
                (Ind("Vereine mit Angeboten auf der Ehrenamtsbörse", "Anzahl", 0, 60),),
            ),
        ),
        ALL,
    ),
    FocusTemplate(
        "dorf",
        "zivilgesellschaft",
        "Dorfgemeinschaft digital vernetzen",
        "Dorf-App und digitale Treffpunkte verbinden die Ortsteile und stärken Nachbarschaftshilfe und Vereinsleben.",
        "„{need}“ – die Informationen sind über viele Kanäle verstreut. Reifegrad Zivilgesellschaft: {score} von 4.",
        (
            Aim(
                "Die Dorf-App in allen Ortsteilen etablieren",
                "Ein gemeinsamer Kanal für Neuigkeiten und Hilfe.",
                (
                    Ind("Registrierte Nutzer*innen der Dorf-App", "Anzahl", 0, 2_500, scaling=1),
                    Ind("Vereine, die die App aktiv nutzen", "Anzahl", 0, 35),
                ),
            ),
        ),
        RURAL,
    ),
    FocusTemplate(
        "bildung",
        "zivilgesellschaft",
        "Digitale Bildung und Medienkompetenz",
        "Schulen, Bibliothek und Makerspace vermitteln Kindern und Jugendlichen digitale Kompetenzen.",
        "Reifegrad Zivilgesellschaft {score} von 4; „{need}“ kam aus dem Jugendforum.",
        (
            Aim(
                "Alle Grundschulen setzen den Medienkompetenzrahmen um",
                "Ausstattung, Fortbildung und Medienscouts.",
                (
                    Ind("Grundschulen mit umgesetztem Medienkonzept", "%", 20, 100),
                    Ind("Workshops im Makerspace pro Jahr", "Anzahl", 0, 120),
                ),
            ),
        ),
        URBAN,
    ),
]

FOCI_BY_KEY = {template.key: template for template in FOCI}
