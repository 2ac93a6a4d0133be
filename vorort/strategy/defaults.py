"""The default Reifegrad-Check: four questions per action field, one per guideline of the Smart City Charta.

Every question has five concretely described levels: 0 = nothing yet, 1 = first steps or single initiatives,
2 = planned or piloted, 3 = in regular operation, 4 = established, evaluated and shared with others.
The network office can change every question afterwards; these texts are only the starting point.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Guideline


@dataclass(frozen=True)
class DefaultQuestion:
    guideline: str
    text: str
    levels: tuple[str, str, str, str, str]


DEFAULT_QUESTIONS: dict[str, list[DefaultQuestion]] = {
    "mobilitaet": [
        DefaultQuestion(
            Guideline.GOALS,
            "Gibt es verbindliche Ziele und eine Strategie für eine digital unterstützte, nachhaltige Mobilität "
            "(z. B. ein Mobilitätskonzept mit digitalen Bausteinen)?",
            (
                "Es gibt weder ein Mobilitätskonzept noch Ziele für digitale Mobilitätsangebote.",
                "Einzelne Ideen oder Anträge zu digitaler Mobilität liegen vor, aber ohne gemeinsames Ziel und "
                "ohne Zuständigkeit.",
                "Ein Mobilitätskonzept mit digitalen Bausteinen ist in Arbeit; die Zuständigkeiten sind benannt.",
                "Das Mobilitätskonzept mit messbaren Zielen ist vom Rat beschlossen und wird umgesetzt.",
                "Die Ziele werden regelmäßig anhand von Kennzahlen überprüft und fortgeschrieben; die Ergebnisse "
                "werden veröffentlicht und mit anderen Kommunen geteilt.",
            ),
        ),
        DefaultQuestion(
            Guideline.TRANSPARENCY,
            "Werden Bürger*innen, Pendler*innen und Betriebe an der Planung von Mobilitätsangeboten beteiligt und "
            "über Verkehrs- und Angebotsdaten informiert?",
            (
                "Beteiligt wird nur im gesetzlich vorgeschriebenen Rahmen; Informationen gibt es kaum.",
                "Es gab einzelne, anlassbezogene Beteiligungen (z. B. eine Befragung oder einen Mängelmelder).",
                "Bei größeren Mobilitätsprojekten wird regelmäßig analog und digital beteiligt; die Ergebnisse werden "
                "zurückgemeldet.",
                "Beteiligung gehört fest zur Mobilitätsplanung; Baustellen-, Verkehrs- und Angebotsdaten sind "
                "öffentlich einsehbar.",
                "Die Beteiligung wird ausgewertet und verbessert; Menschen gestalten Angebote mit (z. B. Bürgerbus, "
                "Mitfahrbänke), die Erfahrungen werden im Netzwerk geteilt.",
            ),
        ),
        DefaultQuestion(
            Guideline.INFRASTRUCTURE,
            "Wie weit sind digitale Mobilitätsinfrastrukturen und -dienste vorhanden (Echtzeitinformation, Sharing, "
            "Ladeinfrastruktur, On-Demand-Verkehr)?",
            (
                "Es gibt keine digitalen Mobilitätsdienste und keine Mobilitätsdaten der Kommune.",
                "Einzelne Angebote Dritter bestehen (z. B. die Fahrplanauskunft des Verkehrsverbunds); die Kommune "
                "ist nicht beteiligt.",
                "Erste eigene Pilotangebote laufen (z. B. Ladesäulen, Carsharing, Echtzeitanzeigen an einzelnen "
                "Haltestellen).",
                "Mehrere digitale Angebote sind im Regelbetrieb und miteinander verknüpft (z. B. Mobilstationen, "
                "On-Demand-Verkehr, gemeinsame Auskunft).",
                "Angebote und Daten sind offen und vernetzt (z. B. offene Echtzeitdaten); ihre Nutzung wird "
                "ausgewertet, und sie werden gezielt weiterentwickelt.",
            ),
        ),
        DefaultQuestion(
            Guideline.RESOURCES,
            "Verfügt die Kommune über Personal, Budget und Partner, um digitale Mobilitätsprojekte umzusetzen?",
            (
                "Niemand ist für das Thema zuständig; es gibt kein Budget.",
                "Das Thema wird nebenbei bearbeitet; Mittel gibt es nur projektweise über Förderanträge.",
                "Eine zuständige Stelle ist benannt; Kooperationen mit Verkehrsunternehmen oder Nachbarkommunen "
                "werden aufgebaut.",
                "Personal und Haushaltsmittel sind verstetigt; Verkehrsunternehmen, Kreis und Nachbarkommunen "
                "arbeiten verbindlich zusammen.",
                "Kompetenzen werden gezielt weiterentwickelt; die Kommune nutzt interkommunale Lösungen und gibt ihr "
                "Wissen im Netzwerk weiter.",
            ),
        ),
    ],
    "nachhaltigkeit": [
        DefaultQuestion(
            Guideline.GOALS,
            "Sind Klima- und Nachhaltigkeitsziele beschlossen, und ist festgelegt, wie digitale Lösungen zu ihnen "
            "beitragen?",
            (
                "Es gibt keine beschlossenen Klima- oder Nachhaltigkeitsziele.",
                "Allgemeine Klimaziele sind beschlossen; digitale Lösungen spielen dabei keine Rolle.",
                "Ein Klimaschutz- oder Nachhaltigkeitskonzept mit digitalen Maßnahmen wird erarbeitet.",
                "Das Konzept mit messbaren Zielen und digitalen Maßnahmen ist beschlossen und in Umsetzung.",
                "Die Zielerreichung wird regelmäßig gemessen (z. B. mit einer Klimabilanz), veröffentlicht und das "
                "Konzept fortgeschrieben.",
            ),
        ),
        DefaultQuestion(
            Guideline.TRANSPARENCY,
            "Werden Umwelt-, Energie- und Klimadaten der Kommune veröffentlicht, und können sich Menschen an "
            "Klimaschutzvorhaben beteiligen?",
            (
                "Es werden keine Umwelt- oder Energiedaten veröffentlicht; Beteiligung findet nicht statt.",
                "Einzelne Berichte (z. B. ein Energiebericht) werden veröffentlicht; beteiligt wird bei "
                "Einzelaktionen.",
                "Daten werden regelmäßig veröffentlicht; bei Klimaprojekten wird beteiligt (z. B. in einer "
                "Klimawerkstatt).",
                "Ein öffentliches Klima- oder Umweltdashboard ist in Betrieb; Beteiligungsformate sind fester "
                "Bestandteil.",
                "Die Daten stehen als offene Daten bereit und werden von Dritten genutzt; Bürger*innen bringen eigene "
                "Projekte ein (z. B. eine Energiegenossenschaft).",
            ),
        ),
        DefaultQuestion(
            Guideline.INFRASTRUCTURE,
            "Werden digitale Lösungen eingesetzt, um Energie, Wasser, Abfall oder Grünflächen ressourcenschonend zu "
            "steuern?",
            (
                "Dafür werden keine digitalen Lösungen eingesetzt.",
                "Verbräuche werden erfasst, aber von Hand und ohne Auswertung.",
                "Erste Pilotprojekte laufen (z. B. Smart Meter in kommunalen Gebäuden, Bodenfeuchtesensoren für "
                "Stadtbäume).",
                "Ein digitales Energie- und Ressourcenmanagement läuft in mehreren Bereichen im Regelbetrieb.",
                "Die Lösungen sind vernetzt, ihre Einsparungen werden gemessen und belegt; sie werden anderen "
                "Kommunen zur Nachnutzung angeboten.",
            ),
        ),
        DefaultQuestion(
            Guideline.RESOURCES,
            "Gibt es Personal, Mittel und Partnerschaften für digitale Nachhaltigkeitsprojekte (z. B. "
            "Klimaschutzmanagement, Stadtwerke, Initiativen)?",
            (
                "Es gibt weder zuständiges Personal noch Mittel.",
                "Das Thema wird nebenbei bearbeitet, gelegentlich mit Fördermitteln.",
                "Ein Klimaschutzmanagement ist eingerichtet; Kooperationen mit Stadtwerken oder Initiativen beginnen.",
                "Personal und Mittel sind verstetigt; Stadtwerke, Wirtschaft und Initiativen sind feste Partner.",
                "Kompetenzen werden systematisch aufgebaut und im Netzwerk geteilt; die Partnerschaften sind "
                "vertraglich verankert und werden regelmäßig ausgewertet.",
            ),
        ),
    ],
    "verwaltung": [
        DefaultQuestion(
            Guideline.GOALS,
            "Hat die Verwaltung eine Digitalisierungsstrategie mit Zielen, Verantwortlichkeiten und Zeitplan?",
            (
                "Es gibt keine Digitalisierungsstrategie.",
                "Digitalisiert wird projektweise, ohne gemeinsame Ziele.",
                "Eine Digitalisierungsstrategie wird erarbeitet; eine verantwortliche Stelle ist benannt.",
                "Die Strategie ist beschlossen, mit Zielen, Zeitplan und Steuerung durch die Verwaltungsspitze.",
                "Die Strategie wird regelmäßig bewertet und fortgeschrieben; über die Fortschritte wird öffentlich "
                "berichtet.",
            ),
        ),
        DefaultQuestion(
            Guideline.TRANSPARENCY,
            "Wie offen und beteiligungsfreundlich arbeitet die Verwaltung digital (Ratsinformation, offene Daten, "
            "Online-Beteiligung)?",
            (
                "Informationen gibt es nur auf Nachfrage oder auf Papier.",
                "Ein Ratsinformationssystem ist online; weitere Daten werden nicht veröffentlicht.",
                "Erste offene Datensätze werden veröffentlicht; Online-Beteiligung wird erprobt.",
                "Ein Open-Data-Angebot und eine Beteiligungsplattform sind im Regelbetrieb.",
                "Offene Daten und Beteiligung sind in allen Fachbereichen Standard, werden ausgewertet und laufend "
                "verbessert.",
            ),
        ),
        DefaultQuestion(
            Guideline.INFRASTRUCTURE,
            "Wie weit sind Verwaltungsleistungen online nutzbar und die internen Abläufe digital (Onlinezugang, "
            "E-Akte, Bürgerkonto)?",
            (
                "Leistungen sind nur vor Ort oder auf Papier nutzbar.",
                "Einzelne Formulare stehen online zum Herunterladen bereit.",
                "Erste Leistungen sind vollständig online beantragbar; die E-Akte wird eingeführt.",
                "Die meisten häufig genutzten Leistungen sind durchgängig digital; die E-Akte ist im Regelbetrieb.",
                "Leistungen sind Ende-zu-Ende digital und mit Nutzer*innen getestet; ihre Nutzung wird gemessen, und "
                "die Abläufe werden verbessert.",
            ),
        ),
        DefaultQuestion(
            Guideline.RESOURCES,
            "Verfügt die Verwaltung über die Kompetenzen und Kooperationen, um die Digitalisierung umzusetzen?",
            (
                "Es gibt keine Fortbildungen und keine Zusammenarbeit zum Thema.",
                "Einzelne Mitarbeitende bilden sich aus eigenem Antrieb fort.",
                "Ein Fortbildungsangebot ist geplant; mit dem IT-Dienstleister und Nachbarkommunen wird über "
                "Zusammenarbeit gesprochen.",
                "Digitalkompetenz wird regelmäßig geschult; Digitallots*innen und interkommunale Kooperationen sind "
                "etabliert.",
                "Ein Kompetenzmodell ist verankert und wird ausgewertet; Wissen wird im Netzwerk geteilt, Lösungen "
                "werden gemeinsam nachgenutzt.",
            ),
        ),
    ],
    "wohnen": [
        DefaultQuestion(
            Guideline.GOALS,
            "Sind digitale Ansätze in den Strategien für Stadtentwicklung und Wohnen verankert (z. B. im "
            "integrierten Stadtentwicklungskonzept oder in Quartierskonzepten)?",
            (
                "Digitale Ansätze kommen in den Stadtentwicklungskonzepten nicht vor.",
                "Digitalisierung wird in den Konzepten nur am Rand erwähnt.",
                "Für ein Quartier oder die Innenstadt werden digitale Ansätze konkret geplant.",
                "Digitale Ansätze sind mit Zielen in den Stadtentwicklungs- und Wohnkonzepten beschlossen und werden "
                "umgesetzt.",
                "Die Wirkung in den Quartieren wird gemessen; die Konzepte werden fortgeschrieben und als Beispiel "
                "an andere Kommunen weitergegeben.",
            ),
        ),
        DefaultQuestion(
            Guideline.TRANSPARENCY,
            "Werden Bewohner*innen in die Quartiers- und Stadtentwicklung einbezogen, auch digital (z. B. "
            "Online-Beteiligung, 3D-Stadtmodell)?",
            (
                "Bewohner*innen werden nur im gesetzlich vorgeschriebenen Rahmen beteiligt.",
                "Es gab einzelne Beteiligungen vor Ort.",
                "Bei Planungen wird analog und digital beteiligt; die Ergebnisse werden zurückgemeldet.",
                "Beteiligung ist in der Quartiersentwicklung Standard; Planungen sind digital anschaulich einsehbar "
                "(z. B. in einem Stadtmodell).",
                "Bewohner*innen gestalten aktiv mit (z. B. über eine Quartiersplattform); die Beteiligung wird "
                "ausgewertet und verbessert.",
            ),
        ),
        DefaultQuestion(
            Guideline.INFRASTRUCTURE,
            "Gibt es digitale Infrastrukturen und Dienste in den Quartieren (Breitband, öffentliches WLAN, digitale "
            "Nachbarschaftsangebote, altersgerechte Assistenz)?",
            (
                "Es gibt keine solchen Angebote; Versorgungslücken sind nicht bekannt.",
                "Versorgungslücken (z. B. beim Breitband) sind bekannt; Angebote gibt es kaum.",
                "Der Ausbau ist geplant; erste Angebote werden erprobt (z. B. öffentliches WLAN, "
                "Nachbarschaftsplattform).",
                "Breitband und digitale Quartiersangebote sind in den meisten Quartieren verfügbar.",
                "Alle Quartiere sind versorgt; die Angebote werden anhand ihrer Nutzung weiterentwickelt und mit der "
                "Wohnungswirtschaft gemeinsam betrieben.",
            ),
        ),
        DefaultQuestion(
            Guideline.RESOURCES,
            "Arbeiten Kommune, Wohnungswirtschaft und Akteur*innen im Quartier bei digitalen Projekten zusammen, "
            "mit gesicherten Mitteln?",
            (
                "Zu digitalen Themen gibt es keine Zusammenarbeit.",
                "Es gibt erste Gespräche mit einzelnen Wohnungsunternehmen.",
                "Gemeinsame Projekte sind vereinbart; Fördermittel sind beantragt.",
                "Quartiersmanagement und Wohnungswirtschaft arbeiten dauerhaft zusammen; die Mittel sind verstetigt.",
                "Die Zusammenarbeit ist vertraglich gesichert, wird ausgewertet und als Modell an andere Kommunen "
                "weitergegeben.",
            ),
        ),
    ],
    "wirtschaft": [
        DefaultQuestion(
            Guideline.GOALS,
            "Gibt es Ziele und eine Strategie, um Innenstadt, Handel, Gewerbe und Tourismus mit digitalen Mitteln zu "
            "stärken?",
            (
                "Es gibt keine solchen Ziele.",
                "Einzelne Maßnahmen (z. B. ein digitaler Stadtgutschein) laufen ohne Gesamtstrategie.",
                "Eine Strategie für Wirtschaft und Innenstadt mit digitalen Bausteinen wird erarbeitet.",
                "Die Strategie mit messbaren Zielen ist beschlossen und wird umgesetzt.",
                "Die Ziele werden mit Kennzahlen (z. B. Passantenfrequenz, Leerstand) überprüft, die Ergebnisse "
                "veröffentlicht und die Strategie fortgeschrieben.",
            ),
        ),
        DefaultQuestion(
            Guideline.TRANSPARENCY,
            "Werden Unternehmen, Handel und Gastronomie in die Smart-City-Entwicklung einbezogen und über "
            "Wirtschaftsdaten informiert?",
            (
                "Die lokale Wirtschaft wird nicht einbezogen.",
                "Es gibt anlassbezogene Informationsveranstaltungen.",
                "Regelmäßige Austauschformate finden statt (z. B. Händlerstammtisch, Innenstadtwerkstatt).",
                "Die Wirtschaft ist fest beteiligt (z. B. in der Lenkungsgruppe); Daten wie Passantenfrequenzen sind "
                "zugänglich.",
                "Unternehmen gestalten Projekte mit und bringen eigene Lösungen ein; Daten werden offen geteilt und "
                "gemeinsam ausgewertet.",
            ),
        ),
        DefaultQuestion(
            Guideline.INFRASTRUCTURE,
            "Gibt es digitale Infrastrukturen und Angebote für die lokale Wirtschaft (Gewerbe-Breitband, lokaler "
            "Online-Marktplatz, Frequenzmessung, Leerstandskataster)?",
            (
                "Es gibt keine solchen Angebote.",
                "Einzelne Betriebe nutzen eigene Lösungen; die Kommune bietet nichts an.",
                "Erste kommunale Angebote werden erprobt (z. B. ein Leerstandskataster oder ein digitales "
                "Schaufenster).",
                "Mehrere Angebote sind im Regelbetrieb und werden von den Betrieben genutzt.",
                "Die Angebote sind vernetzt, ihre Nutzung wird gemessen, und sie werden mit der Wirtschaft "
                "weiterentwickelt und an andere Kommunen weitergegeben.",
            ),
        ),
        DefaultQuestion(
            Guideline.RESOURCES,
            "Verfügt die Wirtschaftsförderung über Personal, Kompetenzen und Partner (Kammern, Werbegemeinschaft, "
            "Hochschulen) für digitale Projekte?",
            (
                "Dafür gibt es weder Personal noch Partner.",
                "Die Wirtschaftsförderung kümmert sich nebenbei um das Thema.",
                "Eine Ansprechperson ist benannt (z. B. Innenstadtmanagement, Digitallots*in); Partnerschaften "
                "entstehen.",
                "Personal und Mittel sind verstetigt; Kammern und Werbegemeinschaft sind feste Partner.",
                "Ein eingespieltes Netzwerk mit Hochschulen und Unternehmen besteht, wird ausgewertet, und das Wissen "
                "wird weitergegeben.",
            ),
        ),
    ],
    "zivilgesellschaft": [
        DefaultQuestion(
            Guideline.GOALS,
            "Ist festgelegt, wie Vereine, Ehrenamt, Bildung und Kultur von der Digitalisierung profitieren sollen und "
            "wie niemand abgehängt wird (digitale Teilhabe)?",
            (
                "Digitale Teilhabe ist kein Thema.",
                "Das Thema wird diskutiert; Ziele gibt es nicht.",
                "Ziele für digitale Teilhabe werden mit Vereinen und Bildungseinrichtungen erarbeitet.",
                "Ziele und Maßnahmen für digitale Teilhabe sind beschlossen und werden umgesetzt.",
                "Die Wirkung wird ausgewertet (z. B. welche Gruppen erreicht werden); die Ziele werden gemeinsam "
                "fortgeschrieben.",
            ),
        ),
        DefaultQuestion(
            Guideline.TRANSPARENCY,
            "Wie gut können sich Bürger*innen aller Altersgruppen an der Smart-City-Entwicklung beteiligen?",
            (
                "Es gibt keine Beteiligung an der Smart-City-Entwicklung.",
                "Bürger*innen wurden einmalig informiert oder befragt.",
                "Es gibt wiederkehrende Beteiligungsformate, analog und digital.",
                "Beteiligung ist fester Bestandteil; auch schwer erreichbare Gruppen werden gezielt angesprochen.",
                "Bürger*innen entscheiden über Projekte mit (z. B. über ein Bürgerbudget); die Beteiligung wird "
                "ausgewertet und verbessert.",
            ),
        ),
        DefaultQuestion(
            Guideline.INFRASTRUCTURE,
            "Gibt es Orte und digitale Angebote für Teilhabe, Lernen und Engagement (z. B. Digitalwerkstatt, "
            "Ehrenamtsplattform, digitale Bibliothek)?",
            (
                "Es gibt keine solchen Orte oder Angebote.",
                "Einzelne Angebote bestehen durch Initiativen, ohne Unterstützung der Kommune.",
                "Erste Angebote werden mit der Kommune erprobt (z. B. eine Digitalsprechstunde für Ältere).",
                "Mehrere Angebote und ein Ort für digitales Lernen und Engagement sind fest etabliert.",
                "Die Angebote sind vernetzt, erreichen alle Altersgruppen und werden anhand von Rückmeldungen "
                "weiterentwickelt.",
            ),
        ),
        DefaultQuestion(
            Guideline.RESOURCES,
            "Werden Ehrenamt, Vereine und Initiativen bei digitalen Vorhaben mit Kompetenzen, Mitteln und "
            "Ansprechpersonen unterstützt?",
            (
                "Es gibt keine Unterstützung.",
                "Unterstützung gibt es vereinzelt auf Nachfrage.",
                "Eine Ansprechperson ist benannt; es gibt erste Schulungen oder Kleinstförderungen.",
                "Ein verlässliches Unterstützungsangebot mit Schulungen und Mitteln ist etabliert.",
                "Engagierte geben ihr Wissen selbst weiter (z. B. als Digitalpat*innen); die Erfahrungen werden im "
                "Netzwerk geteilt.",
            ),
        ),
    ],
}
