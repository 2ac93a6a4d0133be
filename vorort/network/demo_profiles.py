"""Per-town content of the demo seed: character, maturity, visions, foci and local flavour of the ten towns.

Pure data, no database access; `demo_strategy` turns it into records. Texts use the placeholders of
`demo_catalogue` ({town}, {centre}, {district}, {district2}) where they are shared.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .demo_catalogue import LARGE, MEDIUM, SMALL, NeedTemplate

N = NeedTemplate


@dataclass(frozen=True)
class Vision:
    title: str
    text: str
    principles: dict[str, str]  # action field slug -> guiding principle


@dataclass(frozen=True)
class Revision:
    """A second version of the vision: what changes, and whether the council adopted it."""

    principles: dict[str, str]
    text: str = ""
    adopted: bool = False


@dataclass(frozen=True)
class Regional:
    """Partners whose names depend on the region."""

    it: str
    university: str
    ihk: str
    hwk: str
    transport: str
    tourism: str
    savings_bank: str
    forestry: str = ""
    utility: str = ""  # default "Stadtwerke {town}"


@dataclass(frozen=True)
class TownProfile:
    kind: str
    centre: str  # a feminine noun: "Innenstadt", "Ortsmitte", "Oberstadt"
    districts: tuple[str, ...]
    levels: dict[str, float]  # typical maturity level 0–4 per action field
    must: tuple[str, ...]  # measure templates every run picks
    foci: tuple[str, ...]
    needs: tuple[NeedTemplate, ...]
    vision: Vision
    regional: Regional
    titles: dict[str, str] = field(default_factory=dict)  # measure template -> local title
    revision: Revision | None = None
    resolution_style: str = "DS {year}/{number:03d}"


MUENSTERLAND = {
    "ihk": "IHK Nord Westfalen",
    "hwk": "Handwerkskammer Münster",
    "it": "Kommunaler IT-Dienstleister Münsterland",
    "university": "FH Münster",
}

PROFILES: dict[str, TownProfile] = {
    "beckum": TownProfile(
        kind=MEDIUM,
        centre="Innenstadt",
        districts=("Neubeckum", "Roland", "Vellern"),
        levels={
            "mobilitaet": 1.4,
            "nachhaltigkeit": 1.9,
            "verwaltung": 1.7,
            "wohnen": 1.5,
            "wirtschaft": 1.8,
            "zivilgesellschaft": 1.6,
        },
        must=(
            "leerstand",
            "stadtgutschein",
            "energiemonitoring",
            "strassenbeleuchtung",
            "lorawan",
            "serviceportal",
            "interkommunal",
            "mobilstation",
        ),
        foci=("innenstadt", "energie", "dienste", "mobvernetzt", "handel"),
        needs=(
            N(
                "wohnen",
                "Neubeckum braucht eine lebendige Ortsmitte",
                "Seit der Schließung mehrerer Geschäfte an der Hauptstraße fehlen Nahversorgung und Treffpunkte.",
                "alle",
                "gespraech",
                "Stadtteilforum Neubeckum {year}",
                (4, 5),
            ),
            N(
                "nachhaltigkeit",
                "Lkw-Verkehr und Luftqualität transparent machen",
                "Anwohnende an den Zufahrten der Zementwerke wünschen öffentliche Messdaten.",
                "alle",
                "idee",
                "Ideenplattform, 64 Unterstützungen",
                (3, 4),
            ),
        ),
        vision=Vision(
            "Beckum 2030 – digital, grün, nah",
            "Beckum nutzt die Digitalisierung, um das Leben in der Innenstadt und in Neubeckum, Roland und Vellern "
            "lebenswert und nah zu halten. Wir wollen eine Stadt sein, in der man ohne Umwege mit der Verwaltung "
            "spricht, klimafreundlich unterwegs ist und vor Ort einkauft. Digitale Werkzeuge sind dabei Mittel, nie "
            "Selbstzweck.",
            {
                "mobilitaet": "Wer in Beckum unterwegs ist, findet an Mobilstationen Bus, Bahn, Rad und Carsharing "
                "verknüpft – in der Innenstadt und in Neubeckum.",
                "nachhaltigkeit": "Als Industriestandort gehen wir beim Energiesparen voran: Städtische Gebäude und "
                "Straßenbeleuchtung werden digital gesteuert.",
                "verwaltung": "Die Verwaltung ist rund um die Uhr digital erreichbar und bleibt für alle, die Hilfe "
                "brauchen, persönlich ansprechbar.",
                "wohnen": "Leerstände in der Innenstadt und in Neubeckum werden aktiv gemanagt und wieder belebt.",
                "wirtschaft": "Handel, Handwerk und Industrie nutzen gemeinsam digitale Angebote, um Kaufkraft und "
                "Fachkräfte in der Stadt zu halten.",
                "zivilgesellschaft": "Vereine und Ehrenamt prägen Beckum – digitale Angebote sollen ihnen Arbeit "
                "abnehmen, nicht neue machen.",
            },
        ),
        regional=Regional(
            transport="Regionalverkehr Münsterland (RVM)",
            tourism="Münsterland e. V.",
            savings_bank="Sparkasse Münsterland Ost",
            **MUENSTERLAND,
        ),
        titles={"leerstand": "Leerstandsmanagement für die Innenstadt und Neubeckum"},
    ),
    "billerbeck": TownProfile(
        kind=SMALL,
        centre="Ortsmitte",
        districts=("Beerlage", "Hamern", "Gantweg"),
        levels={
            "mobilitaet": 1.1,
            "nachhaltigkeit": 1.4,
            "verwaltung": 1.3,
            "wohnen": 1.0,
            "wirtschaft": 1.6,
            "zivilgesellschaft": 2.0,
        },
        must=(
            "dorfapp",
            "buergerbus",
            "coworking",
            "leerstand",
            "stadtfuehrung",
            "hofladen",
            "digitallotsen",
            "interkommunal",
        ),
        foci=("mobland", "dorf", "tourismus", "innenstadt", "teilhabe"),
        needs=(
            N(
                "wirtschaft",
                "Pilger- und Radgäste länger in der Stadt halten",
                "Viele Gäste besuchen nur den Dom und fahren weiter; Gastronomie und Handel profitieren kaum.",
                "gaeste",
                "workshop",
                "Tourismuswerkstatt Baumberge {year}",
                (3, 4),
            ),
            N(
                "mobilitaet",
                "Bauerschaften an Bahnhof und Ortsmitte anbinden",
                "Aus den Bauerschaften gibt es außerhalb der Schulzeiten keine Busverbindung.",
                "alt",
                "umfrage",
                "Bürgerumfrage {year}, Frage 5",
                (4, 5),
            ),
            N(
                "zivilgesellschaft",
                "Nachwuchs für den Bürgerbusverein",
                "Der Bürgerbusverein sucht neue Fahrerinnen und Fahrer, um den Fahrplan zu halten.",
                "verein",
                "gespraech",
                "Gespräch mit dem Bürgerbusverein",
                (3, 4),
            ),
        ),
        vision=Vision(
            "Billerbeck vernetzt – Leben zwischen Dom und Baumbergen",
            "Billerbeck bleibt eine Kleinstadt, in der man sich kennt – und nutzt digitale Werkzeuge, damit das so "
            "bleibt. Niemand soll wegziehen müssen, weil der Bus nicht fährt, das Internet zu langsam ist oder der "
            "Arbeitsplatz in der Großstadt liegt. Die Menschen in der Ortsmitte und in den Bauerschaften gestalten "
            "diese Zukunft gemeinsam.",
            {
                "mobilitaet": "Jede Bauerschaft ist ohne eigenes Auto erreichbar – mit Bürgerbus, Mitfahrbänken und "
                "guter Anbindung an die Bahn nach Münster.",
                "nachhaltigkeit": "Wir schützen die Baumberge und die Berkel und nutzen Daten, um Wald und Wasser im "
                "Klimawandel zu erhalten.",
                "verwaltung": "Eine kleine Verwaltung arbeitet digital und im Verbund mit den Nachbarkommunen, um "
                "Fachwissen dauerhaft zu halten.",
                "wohnen": "Die Ortsmitte rund um den Dom bleibt lebendig; leerstehende Häuser finden neue Nutzungen.",
                "wirtschaft": "Gäste erleben Billerbeck digital und analog; Co-Working hält Pendler*innen und "
                "Gründer*innen im Ort.",
                "zivilgesellschaft": "Die Dorf-App verbindet Vereine, Nachbarschaft und Verwaltung – getragen vom "
                "Ehrenamt.",
            },
        ),
        revision=Revision(
            principles={
                "wirtschaft": "Gäste erleben Billerbeck digital und analog; Co-Working und eine gemeinsame "
                "Direktvermarktung halten Wertschöpfung, Pendler*innen und Gründer*innen im Ort.",
                "nachhaltigkeit": "Wir schützen die Baumberge und die Berkel, nutzen Daten, um Wald und Wasser im "
                "Klimawandel zu erhalten, und bereiten uns auf Starkregen vor.",
            },
        ),
        regional=Regional(
            transport="Regionalverkehr Münsterland (RVM)",
            tourism="Baumberge-Touristik e. V.",
            savings_bank="Sparkasse Westmünsterland",
            forestry="Regionalforstamt Münsterland",
            **MUENSTERLAND,
        ),
        titles={
            "stadtfuehrung": "Audioguide „Auf den Spuren des heiligen Liudger“",
            "besucherlenkung": "Besucherlenkung in den Baumbergen",
            "buergerbus": "Bürgerbus für die Bauerschaften mit digitaler Buchung",
        },
    ),
    "bruehl": TownProfile(
        kind=MEDIUM,
        centre="Innenstadt",
        districts=("Vochem", "Pingsdorf", "Kierberg"),
        levels={
            "mobilitaet": 1.6,
            "nachhaltigkeit": 1.5,
            "verwaltung": 1.8,
            "wohnen": 1.4,
            "wirtschaft": 2.1,
            "zivilgesellschaft": 1.5,
        },
        must=(
            "besucherlenkung",
            "parkraum",
            "stadtgutschein",
            "klimadashboard",
            "stadtfuehrung",
            "frequenz",
            "serviceportal",
        ),
        foci=("tourismus", "parken", "handel", "klimaanpassung"),
        needs=(
            N(
                "wirtschaft",
                "Besucher*innen von Schlössern und Freizeitpark in die Innenstadt holen",
                "Hunderttausende Gäste kommen jedes Jahr nach Brühl, aber nur wenige besuchen die Innenstadt.",
                "handel",
                "workshop",
                "Innenstadtdialog {year}",
                (4, 5),
            ),
            N(
                "mobilitaet",
                "Parkdruck an Veranstaltungstagen in Kierberg",
                "An Spitzentagen parken Gäste in den Wohnstraßen; Anwohnende finden keinen Platz.",
                "alle",
                "gespraech",
                "Anwohnerversammlung Kierberg",
                (4, 5),
            ),
        ),
        vision=Vision(
            "Brühl 2035 – Welterbe trifft Zukunft",
            "Brühl verbindet sein UNESCO-Welterbe mit einer modernen, digital gut organisierten Stadt. Gäste und "
            "Einwohner*innen sollen gleichermaßen profitieren: weniger Verkehr an Spitzentagen, eine lebendige "
            "Innenstadt und eine Verwaltung, die mitdenkt.",
            {
                "mobilitaet": "Besucherverkehr wird digital gelenkt, damit Wohnquartiere an Spitzentagen entlastet "
                "werden.",
                "nachhaltigkeit": "Klimadaten sind öffentlich und Grundlage für eine hitzeangepasste Innenstadt und "
                "grüne Schlossparks.",
                "verwaltung": "Verwaltungsleistungen sind digital, einfach und barrierearm zugänglich.",
                "wohnen": "Wohnen in Brühl bleibt bezahlbar und quartiersnah, mit kurzen Wegen zu allen Angeboten.",
                "wirtschaft": "Tourismus, Handel und Gastronomie arbeiten mit gemeinsamen Daten und Angeboten "
                "zusammen.",
                "zivilgesellschaft": "Bürger*innen gestalten die Zukunft ihrer Stadt digital und vor Ort mit.",
            },
        ),
        regional=Regional(
            it="Kommunaler IT-Dienstleister Rheinland",
            university="TH Köln",
            ihk="IHK Köln",
            hwk="Handwerkskammer zu Köln",
            transport="Rhein-Erft-Verkehrsgesellschaft (REVG)",
            tourism="Rhein-Erft Tourismus e. V.",
            savings_bank="Kreissparkasse Köln",
        ),
        titles={
            "besucherlenkung": "Besucherlenkung zwischen Schlössern, Freizeitpark und Innenstadt",
            "stadtfuehrung": "Digitaler Rundgang Welterbe Schlösser Augustusburg und Falkenlust",
        },
        resolution_style="Vorlage {number}/{year}",
    ),
    "drensteinfurt": TownProfile(
        kind=SMALL,
        centre="Ortsmitte",
        districts=("Rinkerode", "Walstedde"),
        levels={
            "mobilitaet": 1.2,
            "nachhaltigkeit": 1.3,
            "verwaltung": 1.2,
            "wohnen": 1.1,
            "wirtschaft": 1.2,
            "zivilgesellschaft": 1.7,
        },
        must=(
            "dorfapp",
            "mitfahrbank",
            "coworking",
            "mobilstation",
            "leerstand",
            "glasfaser",
            "interkommunal",
            "buergerbus",
        ),
        foci=("mobland", "netz", "arbeit", "dorf"),
        needs=(
            N(
                "mobilitaet",
                "Bessere Verbindungen zwischen Drensteinfurt, Rinkerode und Walstedde",
                "Zwischen den Ortsteilen gibt es kaum Busse; Jugendliche und Ältere sind auf Fahrdienste angewiesen.",
                "jung",
                "umfrage",
                "Bürgerumfrage {year}, Frage 6",
                (4, 5),
            ),
            N(
                "wirtschaft",
                "Pendeln nach Münster und Hamm belastet Familien",
                "Lange Pendelwege lassen wenig Zeit für Familie und Ehrenamt.",
                "pendel",
                "umfrage",
                "Pendler*innenbefragung {year}",
                (4, 5),
            ),
            N(
                "wohnen",
                "Nahversorgung in Walstedde sichern",
                "Nach der Schließung des letzten Lebensmittelgeschäfts fehlen Einkaufsmöglichkeiten im Ort.",
                "alt",
                "gespraech",
                "Ortsteilgespräch Walstedde {year}",
                (3, 4),
            ),
        ),
        vision=Vision(
            "Drensteinfurt – drei Ortsteile, eine digitale Gemeinschaft",
            "Drensteinfurt, Rinkerode und Walstedde rücken digital zusammen. Wir wollen, dass man in allen drei "
            "Ortsteilen gut leben, arbeiten und alt werden kann – mit schnellem Internet, verlässlicher Mobilität "
            "und einer starken Gemeinschaft.",
            {
                "mobilitaet": "Die drei Ortsteile sind untereinander und mit dem Bahnhof auch ohne Auto verlässlich "
                "verbunden.",
                "nachhaltigkeit": "Wir nutzen digitale Werkzeuge, um Energie zu sparen und die Werseaue zu schützen.",
                "verwaltung": "Die Verwaltung kooperiert mit den Nachbarkommunen und bietet ihre Dienste digital an.",
                "wohnen": "Jede Adresse bekommt schnelles Internet; die Ortskerne bleiben lebendig.",
                "wirtschaft": "Co-Working und lokale Betriebe verkürzen Pendelwege und halten Kaufkraft im Ort.",
                "zivilgesellschaft": "Die Dorf-App verbindet Vereine und Nachbarschaften über die Ortsteilgrenzen "
                "hinweg.",
            },
        ),
        regional=Regional(
            transport="Regionalverkehr Münsterland (RVM)",
            tourism="Münsterland e. V.",
            savings_bank="Sparkasse Münsterland Ost",
            forestry="Regionalforstamt Münsterland",
            **MUENSTERLAND,
        ),
        titles={
            "mobilstation": "Mobilstation am Bahnhof Drensteinfurt",
            "dorfapp": "Dorf-App für Drensteinfurt, Rinkerode und Walstedde",
        },
    ),
    "krefeld": TownProfile(
        kind=LARGE,
        centre="Innenstadt",
        districts=("Uerdingen", "Fischeln", "Hüls", "Oppum"),
        levels={
            "mobilitaet": 2.0,
            "nachhaltigkeit": 2.1,
            "verwaltung": 2.2,
            "wohnen": 1.7,
            "wirtschaft": 2.0,
            "zivilgesellschaft": 1.8,
        },
        must=(
            "parkraum",
            "lorawan",
            "klimasensorik",
            "opendata",
            "quartiersplattform",
            "leerstand",
            "frequenz",
            "geoportal",
            "smartparking",
            "datenplattform",
        ),
        foci=("parken", "klimaanpassung", "daten", "quartier", "innenstadt", "handel"),
        needs=(
            N(
                "nachhaltigkeit",
                "Hitzebelastung in der dicht bebauten Innenstadt",
                "In den Vierteln zwischen den Wällen fehlen Bäume und Schatten; Ältere meiden im Sommer die Straßen.",
                "alt",
                "analyse",
                "Stadtklimaanalyse {year}",
                (4, 5),
            ),
            N(
                "wohnen",
                "Leerstände an der Hochstraße",
                "In der Haupteinkaufsstraße stehen zahlreiche Ladenlokale leer.",
                "handel",
                "analyse",
                "Leerstandserhebung {year}",
                (4, 5),
            ),
            N(
                "wirtschaft",
                "Hafen Uerdingen als Innovationsstandort entwickeln",
                "Unternehmen am Rheinhafen wünschen bessere Anbindung und Kooperation mit der Hochschule.",
                "handel",
                "workshop",
                "Strategiewerkstatt Wirtschaft {year}",
                (2, 4),
            ),
        ),
        vision=Vision(
            "Krefeld.Digital 2035 – gemeinsam gestalten",
            "Krefeld nutzt Daten und digitale Dienste, um eine gerechtere, klimaangepasste und wirtschaftlich starke "
            "Stadt zu werden. Wir setzen auf offene Standards, teilen unsere Daten und beteiligen die Menschen in "
            "allen Stadtteilen – von Uerdingen bis Fischeln.",
            {
                "mobilitaet": "Digitales Parkraummanagement und vernetzte Angebote machen die Innenstadt frei von "
                "Suchverkehr.",
                "nachhaltigkeit": "Ein stadtweites Messnetz zeigt Hitze und Starkregen, damit wir dort handeln, wo es "
                "am dringendsten ist.",
                "verwaltung": "Unsere Daten sind offen, unsere Dienste digital – und die Verwaltung entscheidet auf "
                "Grundlage von Fakten.",
                "wohnen": "Quartiersplattformen stärken Nachbarschaft und Teilhabe in allen Stadtteilen.",
                "wirtschaft": "Die Samt- und Seidenstadt erfindet sich neu: Handel, Hafen und Hochschule entwickeln "
                "gemeinsam Lösungen.",
                "zivilgesellschaft": "Alle Generationen erhalten Zugang zu digitalen Angeboten und Unterstützung "
                "beim Lernen.",
            },
        ),
        regional=Regional(
            it="KRZN Kommunales Rechenzentrum Niederrhein",
            university="Hochschule Niederrhein",
            ihk="IHK Mittlerer Niederrhein",
            hwk="Handwerkskammer Düsseldorf",
            transport="SWK Mobil",
            tourism="Stadtmarketing Krefeld",
            savings_bank="Sparkasse Krefeld",
            utility="SWK Stadtwerke Krefeld",
        ),
        resolution_style="Drucksache {number}/{short_year}",
    ),
    "muenster": TownProfile(
        kind=LARGE,
        centre="Innenstadt",
        districts=("Hiltrup", "Kinderhaus", "Gievenbeck", "Coerde"),
        levels={
            "mobilitaet": 3.0,
            "nachhaltigkeit": 2.7,
            "verwaltung": 2.6,
            "wohnen": 2.1,
            "wirtschaft": 2.4,
            "zivilgesellschaft": 2.5,
        },
        must=(
            "datenplattform",
            "opendata",
            "smartparking",
            "zwilling",
            "quartiersplattform",
            "mobilstation",
            "lorawan",
            "mikrodepot",
            "radzaehlung",
            "klimadashboard",
        ),
        foci=("mobvernetzt", "klimaanpassung", "daten", "quartier", "innovation", "energie"),
        needs=(
            N(
                "mobilitaet",
                "Überfüllte Fahrradstellplätze am Hauptbahnhof",
                "Trotz Radstation finden Pendler*innen morgens kaum einen Stellplatz.",
                "pendel",
                "analyse",
                "Radverkehrszählung {year}",
                (4, 5),
            ),
            N(
                "wohnen",
                "Bezahlbarer Wohnraum für Studierende und Familien",
                "Die Mieten steigen schneller als die Einkommen; Familien ziehen ins Umland.",
                "jung",
                "umfrage",
                "Bürgerumfrage {year}, Frage 9",
                (4, 5),
            ),
            N(
                "nachhaltigkeit",
                "Klimaneutralität 2030 nachvollziehbar machen",
                "Bürger*innen wollen sehen, ob die Stadt auf dem Weg zur Klimaneutralität vorankommt.",
                "alle",
                "workshop",
                "Klimabeirat {year}",
                (3, 5),
            ),
        ),
        vision=Vision(
            "Münster – smart. nachhaltig. gemeinsam.",
            "Münster nutzt die Digitalisierung, um bis 2030 klimaneutral zu werden und eine lebenswerte, gerechte "
            "Stadt für alle Generationen zu bleiben. Daten sind ein Gemeingut: Wir erheben sie verantwortungsvoll, "
            "teilen sie offen und setzen sie dort ein, wo sie den Menschen nützen.",
            {
                "mobilitaet": "Die Fahrradstadt wird zur vernetzten Mobilitätsstadt: Rad, Bus, Bahn und Sharing "
                "greifen nahtlos ineinander.",
                "nachhaltigkeit": "Daten helfen uns, bis 2030 klimaneutral zu werden und die Stadt an Hitze und "
                "Starkregen anzupassen.",
                "verwaltung": "Eine offene urbane Datenplattform ist das gemeinsame Fundament aller digitalen "
                "Angebote der Stadt.",
                "wohnen": "Digitale Quartiersplattformen stärken Nachbarschaften von Coerde bis Hiltrup.",
                "wirtschaft": "Hochschulen, Start-ups und Mittelstand entwickeln im Reallabor Lösungen, die in "
                "Münster und darüber hinaus wirken.",
                "zivilgesellschaft": "Alle Münsteraner*innen können digitale Angebote nutzen und die Stadt "
                "mitgestalten.",
            },
        ),
        revision=Revision(
            text="Münster nutzt die Digitalisierung, um bis 2030 klimaneutral zu werden und eine lebenswerte, "
            "gerechte Stadt für alle Generationen zu bleiben. Daten sind ein Gemeingut: Wir erheben sie "
            "verantwortungsvoll, teilen sie offen und setzen sie dort ein, wo sie den Menschen nützen. Was wir "
            "lernen, geben wir an die Kommunen im Münsterland und im Netzwerk weiter.",
            principles={
                "nachhaltigkeit": "Daten und ein digitaler Zwilling helfen uns, bis 2030 klimaneutral zu werden und "
                "die Stadt an Hitze und Starkregen anzupassen.",
                "zivilgesellschaft": "Alle Münsteraner*innen können digitale Angebote nutzen und die Stadt "
                "mitgestalten – mit Lernorten in jedem Stadtbezirk.",
            },
            adopted=True,
        ),
        regional=Regional(
            it="citeq",
            university="Universität Münster",
            ihk="IHK Nord Westfalen",
            hwk="Handwerkskammer Münster",
            transport="Stadtwerke Münster – Mobilität",
            tourism="Münster Marketing",
            savings_bank="Sparkasse Münsterland Ost",
        ),
        titles={"radzaehlung": "Radverkehrszählstellen an den Velorouten"},
        resolution_style="V/{number:04d}/{year}",
    ),
    "siegen": TownProfile(
        kind=LARGE,
        centre="Oberstadt",
        districts=("Weidenau", "Geisweid", "Eiserfeld", "Kaan-Marienborn"),
        levels={
            "mobilitaet": 1.5,
            "nachhaltigkeit": 1.8,
            "verwaltung": 2.0,
            "wohnen": 1.4,
            "wirtschaft": 1.9,
            "zivilgesellschaft": 1.6,
        },
        must=("ondemand", "starkregen", "lorawan", "quartiersplattform", "gruenderzentrum", "serviceportal"),
        foci=("mobvernetzt", "klimaanpassung", "innovation", "dienste"),
        needs=(
            N(
                "mobilitaet",
                "Steile Hanglagen ohne Busanbindung am Abend",
                "In den Wohngebieten an den Hängen fährt abends kein Bus; zu Fuß ist der Weg für viele zu steil.",
                "alt",
                "umfrage",
                "Bürgerumfrage {year}, Frage 4",
                (4, 5),
            ),
            N(
                "nachhaltigkeit",
                "Hochwassergefahr an Sieg und Weiß",
                "Nach Starkregen treten die Bäche schnell über die Ufer; Anwohnende wünschen eine Frühwarnung.",
                "alle",
                "gespraech",
                "Bürgerversammlung Hochwasserschutz",
                (4, 5),
            ),
            N(
                "wirtschaft",
                "Absolvent*innen in der Region halten",
                "Viele Studierende verlassen Siegen nach dem Abschluss.",
                "jung",
                "workshop",
                "Werkstatt mit der Universität {year}",
                (3, 4),
            ),
        ),
        vision=Vision(
            "Siegen 2035 – Universitätsstadt, digital vernetzt",
            "Siegen will die Stärken als Universitäts- und Industriestadt nutzen, um die Herausforderungen der "
            "Hanglagen, des Klimawandels und des Strukturwandels zu meistern. Die Vision entsteht gemeinsam mit "
            "Bürger*innen, Universität und Wirtschaft und wird im Herbst dem Rat vorgelegt.",
            {
                "mobilitaet": "Auch die Hanglagen sind mit flexiblen, digital buchbaren Angeboten gut erreichbar.",
                "nachhaltigkeit": "Frühwarnsysteme schützen vor Hochwasser an Sieg, Weiß und Ferndorfbach.",
                "verwaltung": "Verwaltungsleistungen sind digital und einfach zugänglich.",
                "wohnen": "Die Oberstadt und die Stadtteilzentren bleiben lebendige Orte zum Wohnen und Treffen.",
                "wirtschaft": "Universität und Mittelstand entwickeln gemeinsam Lösungen und halten junge "
                "Talente in der Region.",
                "zivilgesellschaft": "Bürger*innen aller Generationen gestalten die digitale Stadt mit.",
            },
        ),
        regional=Regional(
            it="KDZ Westfalen-Süd",
            university="Universität Siegen",
            ihk="IHK Siegen",
            hwk="Handwerkskammer Südwestfalen",
            transport="Verkehrsbetriebe Westfalen-Süd (VWS)",
            tourism="Touristikverband Siegerland-Wittgenstein e. V.",
            savings_bank="Sparkasse Siegen",
        ),
        titles={
            "starkregen": "Starkregen-Frühwarnsystem für Sieg, Weiß und Ferndorfbach",
            "ondemand": "On-Demand-Shuttle für die Hanglagen",
        },
    ),
    "unna": TownProfile(
        kind=MEDIUM,
        centre="Innenstadt",
        districts=("Massen", "Königsborn", "Lünern"),
        levels={
            "mobilitaet": 1.7,
            "nachhaltigkeit": 1.6,
            "verwaltung": 1.9,
            "wohnen": 1.5,
            "wirtschaft": 1.7,
            "zivilgesellschaft": 1.8,
        },
        must=(
            "stadtfuehrung",
            "frequenz",
            "smartparking",
            "serviceportal",
            "lastenrad",
            "lorawan",
            "marktplatz",
            "digitallotsen",
        ),
        foci=("handel", "dienste", "mobvernetzt", "teilhabe", "klimaanpassung"),
        needs=(
            N(
                "wirtschaft",
                "Die Lichtkunst als Anziehungspunkt für die Innenstadt nutzen",
                "Das Zentrum für Internationale Lichtkunst zieht Gäste an, die danach selten durch die Innenstadt "
                "gehen.",
                "gaeste",
                "workshop",
                "Innenstadtdialog {year}",
                (3, 4),
            ),
            N(
                "mobilitaet",
                "Pendelverkehr Richtung Dortmund entlasten",
                "Die Straßen Richtung Dortmund sind morgens überlastet; der Umstieg auf Bahn und Rad ist unattraktiv.",
                "pendel",
                "analyse",
                "Pendlerstatistik {year}",
                (3, 5),
            ),
        ),
        vision=Vision(
            "Unna leuchtet – smart für alle",
            "Unna, die Stadt der Lichtkunst, will auch bei der Digitalisierung Strahlkraft entfalten – für alle "
            "Generationen und in allen Stadtteilen. Digitale Angebote sollen die Innenstadt beleben, Wege verkürzen "
            "und niemanden zurücklassen.",
            {
                "mobilitaet": "Pendeln nach Dortmund und in die Region gelingt klimafreundlich mit Bahn, Rad und "
                "geteilten Angeboten.",
                "nachhaltigkeit": "Wir sparen Energie in städtischen Gebäuden und machen Klimadaten öffentlich.",
                "verwaltung": "Die Verwaltung bietet ihre wichtigsten Leistungen digital an und bleibt persönlich "
                "erreichbar.",
                "wohnen": "Die Stadtteile von Massen bis Lünern bieten gute Nahversorgung und schnelles Internet.",
                "wirtschaft": "Lichtkunst, Handel und Gastronomie machen die Innenstadt zu einem Erlebnis – analog "
                "und digital.",
                "zivilgesellschaft": "Digital-Lotsinnen und -Lotsen begleiten alle, die beim digitalen Wandel "
                "Unterstützung brauchen.",
            },
        ),
        revision=Revision(
            principles={
                "nachhaltigkeit": "Wir sparen Energie in städtischen Gebäuden, machen Klimadaten öffentlich und "
                "schützen die Menschen mit einem Hitzeaktionsplan.",
                "wohnen": "Die Stadtteile von Massen bis Lünern bieten gute Nahversorgung, schnelles Internet und "
                "lebendige Quartierstreffpunkte.",
            },
            text="Unna, die Stadt der Lichtkunst, will auch bei der Digitalisierung Strahlkraft entfalten – für alle "
            "Generationen und in allen Stadtteilen. Digitale Angebote sollen die Innenstadt beleben, Wege verkürzen, "
            "das Klima schützen und niemanden zurücklassen.",
        ),
        regional=Regional(
            it="Kommunaler IT-Dienstleister Westfalen",
            university="Fachhochschule Dortmund",
            ihk="IHK zu Dortmund",
            hwk="Handwerkskammer Dortmund",
            transport="Verkehrsgesellschaft Kreis Unna (VKU)",
            tourism="Stadtmarketing Unna",
            savings_bank="Sparkasse UnnaKamen",
        ),
        titles={"stadtfuehrung": "Digitaler Lichtkunst-Rundgang durch die Innenstadt"},
    ),
    "velbert": TownProfile(
        kind=MEDIUM,
        centre="Innenstadt",
        districts=("Neviges", "Langenberg", "Tönisheide"),
        levels={
            "mobilitaet": 1.5,
            "nachhaltigkeit": 1.7,
            "verwaltung": 1.8,
            "wohnen": 1.6,
            "wirtschaft": 2.0,
            "zivilgesellschaft": 1.5,
        },
        must=("ondemand", "wlan", "digitalsprechstunde", "mobilstation", "leerstand", "eakte", "fachkraefte"),
        foci=("mobvernetzt", "arbeit", "innenstadt", "intern"),
        needs=(
            N(
                "mobilitaet",
                "Verbindung zwischen Velbert-Mitte, Neviges und Langenberg",
                "Die drei Stadtbezirke sind mit dem Bus nur umständlich verbunden.",
                "alle",
                "umfrage",
                "Bürgerumfrage {year}, Frage 2",
                (4, 5),
            ),
            N(
                "wirtschaft",
                "Zulieferbetriebe bei der Digitalisierung unterstützen",
                "Die Betriebe der Schloss- und Beschlagindustrie suchen Unterstützung bei Automatisierung und "
                "IT-Sicherheit.",
                "handel",
                "gespraech",
                "Unternehmerfrühstück {year}",
                (3, 5),
            ),
        ),
        vision=Vision(
            "Velbert 2030 – drei Stadtbezirke, eine smarte Stadt",
            "Velbert-Mitte, Neviges und Langenberg wachsen digital zusammen. Als Industriestandort mit starker "
            "Schloss- und Beschlagtradition nutzen wir Digitalisierung, um Arbeitsplätze zu sichern, die "
            "Stadtbezirke besser zu verbinden und die Verwaltung moderner zu machen.",
            {
                "mobilitaet": "Die drei Stadtbezirke sind flexibel und klimafreundlich miteinander verbunden.",
                "nachhaltigkeit": "Industrie und Stadt sparen gemeinsam Energie und nutzen Abwärme und Sonne.",
                "verwaltung": "Die Verwaltung arbeitet papierlos und bietet ihre Leistungen digital an.",
                "wohnen": "Die Zentren von Velbert-Mitte, Neviges und Langenberg sind lebendige Orte mit freiem "
                "WLAN und neuen Nutzungen.",
                "wirtschaft": "Industrie, Handwerk und Handel werden bei der Digitalisierung begleitet und finden "
                "Fachkräfte in der Region.",
                "zivilgesellschaft": "Engagierte Menschen und Vereine bekommen digitale Werkzeuge für ihre Arbeit.",
            },
        ),
        regional=Regional(
            it="Kommunaler IT-Dienstleister Rheinland",
            university="Hochschule Bochum, Campus Velbert/Heiligenhaus",
            ihk="IHK Düsseldorf",
            hwk="Handwerkskammer Düsseldorf",
            transport="Rheinbahn",
            tourism="Stadtmarketing Velbert",
            savings_bank="Sparkasse HRV",
        ),
        titles={
            "ondemand": "On-Demand-Shuttle zwischen Velbert-Mitte, Neviges und Langenberg",
            "digitalsprechstunde": "Digitalisierungssprechstunde für Handwerk und Zulieferbetriebe",
        },
    ),
    "winterberg": TownProfile(
        kind=SMALL,
        centre="Ortsmitte",
        districts=("Siedlinghausen", "Niedersfeld", "Züschen", "Altastenberg"),
        levels={
            "mobilitaet": 1.2,
            "nachhaltigkeit": 1.5,
            "verwaltung": 1.1,
            "wohnen": 1.0,
            "wirtschaft": 2.2,
            "zivilgesellschaft": 1.5,
        },
        must=(
            "besucherlenkung",
            "gaestekarte",
            "buergerbus",
            "coworking",
            "leerstand",
            "waldmonitoring",
            "lorawan",
            "dorfapp",
        ),
        foci=("tourismus", "mobland", "landschaft", "dorf", "innenstadt"),
        needs=(
            N(
                "wirtschaft",
                "Verkehrschaos an Schneewochenenden",
                "An Winterwochenenden stauen sich Tagesgäste bis in die Ortsmitte; Rettungswege werden zugeparkt.",
                "alle",
                "gespraech",
                "Bürgerversammlung Wintersaison {year}",
                (5, 5),
            ),
            N(
                "mobilitaet",
                "Busanbindung der Dörfer außerhalb der Saison",
                "Außerhalb der Saison fahren in Züschen und Altastenberg kaum Busse.",
                "alt",
                "umfrage",
                "Bürgerumfrage {year}, Frage 3",
                (4, 5),
            ),
            N(
                "wohnen",
                "Ferienwohnungen verdrängen Dauerwohnraum",
                "Junge Familien finden in der Kernstadt kaum Wohnungen zur Dauermiete.",
                "jung",
                "workshop",
                "Zukunftswerkstatt {year}",
                (3, 4),
            ),
        ),
        vision=Vision(
            "Winterberg 2030 – smarte Ferienwelt, lebenswerte Heimat",
            "Winterberg will eine der modernsten Tourismusdestinationen der Mittelgebirge sein und zugleich eine "
            "Heimat, in der Einheimische gern leben. Digitale Besucherlenkung, gute Mobilität und lebendige Dörfer "
            "gehören für uns zusammen. Wir schützen den Wald, der unsere Landschaft prägt.",
            {
                "mobilitaet": "Gäste reisen ohne Auto an und sind vor Ort mobil; die Dörfer sind das ganze Jahr "
                "angebunden.",
                "nachhaltigkeit": "Wir beobachten und schützen den Wald mit digitalen Mitteln und setzen auf "
                "klimastabile Mischwälder.",
                "verwaltung": "Auch eine kleine Verwaltung bietet ihre Dienste digital an – für Einheimische und "
                "Gastgeber.",
                "wohnen": "Dauerwohnraum für Einheimische hat Vorrang; Leerstände in der Ortsmitte werden belebt.",
                "wirtschaft": "Digitale Besucherlenkung und Gästekarte verteilen Gäste über die Saison und die Dörfer.",
                "zivilgesellschaft": "Die Dorf-App verbindet Winterberg und seine Dörfer von Siedlinghausen bis "
                "Altastenberg.",
            },
        ),
        regional=Regional(
            it="Kommunaler IT-Dienstleister Südwestfalen",
            university="Fachhochschule Südwestfalen",
            ihk="IHK Arnsberg, Hellweg-Sauerland",
            hwk="Handwerkskammer Südwestfalen",
            transport="Regionalverkehr Ruhr-Lippe (RLG)",
            tourism="Winterberg Touristik und Wirtschaft GmbH",
            savings_bank="Sparkasse Hochsauerland",
            forestry="Regionalforstamt Oberes Sauerland",
        ),
        titles={
            "besucherlenkung": "Besucherlenkung am Kahlen Asten und im Skigebiet",
            "gaestekarte": "Digitale Gästekarte Winterberg mit Bus-Ticket",
            "stadtfuehrung": "Digitaler Rundweg zur Bob- und Skisportgeschichte",
        },
    ),
}
