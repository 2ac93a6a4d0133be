"""Events (Formate) of the demo network: network-wide meetings, workshops, webinars and an excursion, and one to three
formats per town (Visionswerkstatt, Bürgerwerkstatt, Ideenwerkstatt, Online-Auftakt …), fitting the town's phase.

Events lie around *today* (past ones are documented with agenda, results linked to measures and needs, dot counts
and registrations with attendance; upcoming ones take registrations), so the public calendar never runs dry. They
are written through the events services with actor=None ("System"); agenda items and registrations are written in
bulk and audited one by one in the shape the services record (the registration service registers the acting person,
and the audit trail of the demo says "System" throughout). A host that already has events is left alone, so running
the seed twice changes nothing.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from vorort.accounts.models import User
from vorort.core.audit import audit_record
from vorort.core.models import AuditAction
from vorort.events.models import AgendaItem, Event, EventKind, EventMode, Registration, RegistrationStatus
from vorort.events.services import (
    event_create,
    event_documentation_update,
    event_result_create,
    workshop_results_record,
    workshop_topic_create,
)
from vorort.measures.models import Measure, MeasureStatus
from vorort.strategy.models import Need

from .demo_support import DAY, demo_user, fill, local_moment, measures_by_key, running_phase
from .models import Municipality, Network

K, MODE = EventKind, EventMode
ONLINE = "https://konferenz.netzwerk-innenstadt.demo/{slug}"
TUESDAY, WEDNESDAY, THURSDAY, SATURDAY = 1, 2, 3, 5


@dataclass(frozen=True)
class EventTemplate:
    key: str
    title: str
    kind: str
    mode: str
    description: str
    days: int  # from today; negative: past
    weekday: int  # moved to this weekday (backwards for past events, forwards for upcoming ones)
    start: tuple[int, int]
    end: tuple[int, int]
    public: bool
    agenda: tuple[tuple[str, str, str], ...]  # (time "HH:MM", title, note)
    location: str = ""
    registration: bool = True
    capacity: int | None = None
    # Network events only: participating towns ("*" for all) and results (text, town slug, measure key).
    participants: tuple[str, ...] = ()
    results: tuple[tuple[str, str, str], ...] = ()
    protocol: str = ""

    @property
    def is_past(self) -> bool:
        return self.days < 0


E = EventTemplate
ALL = ("*",)

NETWORK_EVENTS: list[EventTemplate] = [
    E(
        key="netzwerktreffen_herbst",
        title="Netzwerktreffen Herbst: Smart City in kleinen und ländlichen Kommunen",
        kind=K.EXCHANGE,
        mode=MODE.HYBRID,
        description=(
            "Das halbjährliche Treffen aller Mitgliedskommunen. Im Mittelpunkt stehen diesmal die kleinen und "
            "ländlichen Städte: Wie gelingen Bürgerbus, Dorf-App und Glasfaserausbau mit wenig Personal? Billerbeck "
            "und Winterberg berichten aus der Umsetzung, danach tauschen sich die Kommunen an Thementischen aus."
        ),
        days=-68,
        weekday=THURSDAY,
        start=(10, 0),
        end=(16, 0),
        public=True,
        location="Rathaus Billerbeck, Sitzungssaal",
        capacity=60,
        participants=ALL,
        agenda=(
            ("10:00", "Ankommen und Begrüßung", "Geschäftsstelle Netzwerk Innenstadt NRW"),
            ("10:30", "Impuls: Was kleine Kommunen voneinander lernen", "Billerbeck und Winterberg"),
            ("11:30", "Marktplatz der Maßnahmen", "Jede Kommune stellt eine Maßnahme am Stehtisch vor"),
            ("13:00", "Mittagspause", ""),
            ("14:00", "Thementische: Fördermittel, Personal, Beteiligung", ""),
            ("15:30", "Ergebnisse und Verabredungen", ""),
        ),
        results=(
            (
                "Winterberg stellt Fahrplan, Buchungsablauf und Fahrerschulung seines Bürgerbusses als Vorlage zur "
                "Verfügung; Drensteinfurt und Billerbeck übernehmen Bausteine davon.",
                "winterberg",
                "buergerbus",
            ),
            (
                "Mehrere Kommunen prüfen eine gemeinsame Beschaffung von LoRaWAN-Sensorik; Münster teilt dafür seine "
                "Leistungsbeschreibung.",
                "muenster",
                "lorawan",
            ),
            (
                "Arbeitsgruppe Fördermittel gegründet: Die Geschäftsstelle führt Fristen und Förderquoten in einer "
                "gemeinsamen Übersicht.",
                "",
                "",
            ),
        ),
        protocol=(
            "Teilnehmende: 41 Personen aus allen zehn Mitgliedskommunen, davon 12 online.\n\n"
            "1. Impulse: Billerbeck zeigte, wie der Bürgerbus mit einer einfachen Telefon- und Online-Buchung mehr "
            "Fahrgäste gewinnt; Winterberg berichtete vom Glasfaserausbau an den Hofstellen.\n"
            "2. Marktplatz der Maßnahmen: 14 Maßnahmen wurden vorgestellt, die meisten Fragen gab es zu Leerstands"
            "management und Smart Parking.\n"
            "3. Verabredungen: gemeinsame Übersicht der Förderprogramme, nächstes Treffen im Frühjahr in Unna."
        ),
    ),
    E(
        key="exkursion_winterberg",
        title="Exkursion nach Winterberg: Glasfaser, Digitaler Dorfplatz und Waldmonitoring",
        kind=K.EXCURSION,
        mode=MODE.ANALOG,
        description=(
            "Vor Ort zeigt Winterberg, wie ein Bürgerhaus zum digitalen Dorfplatz wird, wie die Stadt den "
            "Glasfaserausbau in die Außenbereiche bringt und wie Sensoren im Stadtwald Trockenstress melden. Mit "
            "Busfahrt ab Münster Hbf und Zustieg in Siegen."
        ),
        days=-35,
        weekday=WEDNESDAY,
        start=(9, 0),
        end=(17, 30),
        public=True,
        location="Treffpunkt: Rathaus Winterberg; Stationen in Siedlinghausen und im Stadtwald",
        capacity=25,
        participants=("billerbeck", "bruehl", "drensteinfurt", "siegen", "velbert", "winterberg"),
        agenda=(
            ("09:00", "Abfahrt des Busses", "Münster Hbf, Zustieg in Siegen um 10:15"),
            ("11:30", "Digitaler Dorfplatz im Bürgerhaus Siedlinghausen", "Führung mit dem Dorfverein"),
            ("13:00", "Mittagessen im Bürgerhaus", ""),
            ("14:00", "Glasfaser an den Hofstellen: Baustellenbesuch", "mit dem Netzbetreiber"),
            ("15:30", "Waldmonitoring: Sensoren und Drohnenbilder", "Forstbetrieb der Stadt"),
            ("16:30", "Rückfahrt", ""),
        ),
        results=(
            (
                "Billerbeck und Drensteinfurt übernehmen die Idee des Digitalen Dorfplatzes in ihre Maßnahmenkataloge.",
                "winterberg",
                "dorfplatz",
            ),
            (
                "Die Gäste interessierten sich besonders für die Einbindung der Hofstellen in den Glasfaserausbau; "
                "Winterberg teilt die Vorlage für die Markterkundung.",
                "winterberg",
                "glasfaser",
            ),
        ),
        protocol=(
            "22 Teilnehmende aus sechs Kommunen. Der Dorfverein Siedlinghausen betreibt den Digitalen Dorfplatz "
            "mit zwölf Ehrenamtlichen; die Stadt trägt Miete und Internetanschluss. Beim Glasfaserausbau hat sich "
            "die frühe Ansprache der Landwirtinnen und Landwirte über den Ortsverband bewährt."
        ),
    ),
    E(
        key="webinar_lorawan",
        title="Webinar: LoRaWAN-Sensorik für kleine und mittlere Kommunen",
        kind=K.WEBINAR,
        mode=MODE.DIGITAL,
        description=(
            "Wie baut eine Kommune ohne eigene IT-Abteilung ein LoRaWAN-Netz auf? Münster und Unna berichten von "
            "Gateway-Standorten, Betriebsmodellen mit den Stadtwerken und den ersten Anwendungen – von Pegel- bis "
            "Parksensoren. Mit viel Zeit für Fragen."
        ),
        days=-15,
        weekday=TUESDAY,
        start=(14, 0),
        end=(15, 30),
        public=True,
        participants=ALL,
        agenda=(
            ("14:00", "Begrüßung und Umfrage unter den Teilnehmenden", ""),
            ("14:10", "Erfahrungen aus Münster: vom Pilot zum Regelbetrieb", ""),
            ("14:35", "Erfahrungen aus Unna: Smart Parking auf LoRaWAN", ""),
            ("15:00", "Fragen und Antworten", ""),
        ),
        results=(
            (
                "Die Präsentation und eine Checkliste für Gateway-Standorte stehen allen Mitgliedskommunen zur "
                "Verfügung.",
                "muenster",
                "lorawan",
            ),
            (
                "Unna bietet an, interessierten Kommunen die Parksensorik im Betrieb zu zeigen.",
                "unna",
                "smartparking",
            ),
        ),
        protocol=(
            "58 Teilnehmende. Häufigste Fragen: Wer betreibt den Netzwerkserver, wie lange halten die Batterien der "
            "Sensoren, und wie geht man mit Funklöchern in Tallagen um?"
        ),
    ),
    E(
        key="werkstatt_foerdermittel",
        title="Werkstatt Fördermittel: Anträge für 2027 gemeinsam vorbereiten",
        kind=K.WORKSHOP,
        mode=MODE.HYBRID,
        description=(
            "Interne Arbeitswerkstatt der Arbeitsgruppe Fördermittel: Welche Programme öffnen 2027, welche "
            "Maßnahmen passen dazu, und wo lohnen sich gemeinsame Anträge mehrerer Kommunen?"
        ),
        days=10,
        weekday=WEDNESDAY,
        start=(9, 30),
        end=(13, 0),
        public=False,
        location="Geschäftsstelle Netzwerk Innenstadt NRW, Besprechungsraum",
        capacity=12,
        participants=("beckum", "billerbeck", "drensteinfurt", "siegen", "unna", "velbert"),
        agenda=(
            ("09:30", "Förderlandschaft 2027: Überblick der Geschäftsstelle", ""),
            ("10:15", "Steckbriefe der Kommunen: Welche Maßnahme, welches Programm?", ""),
            ("11:30", "Gemeinsame Anträge: Mobilität und Sensorik", ""),
            ("12:30", "Fristen und Zuständigkeiten", ""),
        ),
    ),
    E(
        key="lenkungskreis",
        title="Sitzung des Netzwerk-Lenkungskreises",
        kind=K.EXCHANGE,
        mode=MODE.HYBRID,
        description=(
            "Der Lenkungskreis des Netzwerks (Geschäftsstelle, Prozessbegleitung und vier gewählte Vertretungen der "
            "Kommunen) berät über das Arbeitsprogramm 2027 und die Themen der nächsten Netzwerktreffen."
        ),
        days=17,
        weekday=TUESDAY,
        start=(15, 0),
        end=(17, 0),
        public=False,
        registration=False,
        location="Stadthaus Münster, Raum 2.14",
        participants=("beckum", "muenster", "unna", "winterberg"),
        agenda=(
            ("15:00", "Bericht der Geschäftsstelle", ""),
            ("15:30", "Arbeitsprogramm 2027", "Beschlussvorschlag"),
            ("16:30", "Themen der Netzwerktreffen", ""),
        ),
    ),
    E(
        key="webinar_leerstand",
        title="Webinar: Leerstandsmanagement mit Daten – Erfahrungen aus Beckum und Winterberg",
        kind=K.WEBINAR,
        mode=MODE.DIGITAL,
        description=(
            "Ein Leerstandskataster ist schnell gebaut – die Eigentümer*innen zu erreichen ist die eigentliche "
            "Arbeit. Beckum und Winterberg zeigen ihr Vorgehen, die Werkzeuge und was sie heute anders machen würden."
        ),
        days=24,
        weekday=THURSDAY,
        start=(10, 0),
        end=(11, 30),
        public=True,
        capacity=100,
        participants=ALL,
        agenda=(
            ("10:00", "Begrüßung", ""),
            ("10:05", "Beckum: Leerstandsmanagement für Innenstadt und Neubeckum", ""),
            ("10:30", "Winterberg: Leerstände in der Ortsmitte und in den Dörfern", ""),
            ("11:00", "Fragen und Antworten", ""),
        ),
    ),
    E(
        key="netzwerktreffen_fruehjahr",
        title="Netzwerktreffen Frühjahr: Von der Strategie in die Umsetzung",
        kind=K.EXCHANGE,
        mode=MODE.ANALOG,
        description=(
            "Das nächste Treffen aller Mitgliedskommunen in Unna: Wie kommen Maßnahmen vom Ratsbeschluss in den "
            "Betrieb? Mit Berichten aus Münster und Unna, Werkstattrunden zu Vergabe und Betriebskosten und einem "
            "Rundgang zu den Parksensoren in der Innenstadt."
        ),
        days=52,
        weekday=THURSDAY,
        start=(10, 0),
        end=(16, 0),
        public=True,
        location="Rathaus Unna, Ratssaal",
        capacity=60,
        participants=ALL,
        agenda=(
            ("10:00", "Begrüßung durch die Stadt Unna", ""),
            ("10:30", "Impuls: Vom Pilot in den Regelbetrieb", "Münster"),
            ("11:30", "Werkstattrunden: Vergabe, Betriebskosten, Evaluation", ""),
            ("13:00", "Mittagspause", ""),
            ("14:00", "Rundgang: Smart Parking in der Innenstadt", "Unna"),
            ("15:30", "Ausblick und Verabschiedung", ""),
        ),
    ),
]

# Formats of a town, by the stage of its process; a town gets the first one to three of its list.
EARLY, STRATEGY, MEASURES, IMPLEMENTATION = "early", "strategy", "measures", "implementation"
TOWN_EVENTS: dict[str, list[EventTemplate]] = {
    EARLY: [
        E(
            key="visionswerkstatt",
            title="Visionswerkstatt „{town} 2035“",
            kind=K.STRATEGY_WORKSHOP,
            mode=MODE.ANALOG,
            description=(
                "Wie soll {town} in zehn Jahren leben, arbeiten und unterwegs sein – und wobei kann Digitalisierung "
                "helfen? In der Visionswerkstatt sammeln Bürger*innen, Vereine, Wirtschaft und Verwaltung Bausteine "
                "für das Leitbild der Smart-City-Strategie."
            ),
            days=-38,
            weekday=THURSDAY,
            start=(17, 30),
            end=(20, 30),
            public=True,
            location="Rathaus {town}, Ratssaal",
            capacity=80,
            agenda=(
                ("17:30", "Begrüßung durch die Verwaltungsspitze", ""),
                ("17:45", "Was ist eine Smart City? Impuls der Prozessbegleitung", ""),
                ("18:15", "Thementische zu den sechs Handlungsfeldern", "Moderation durch das Smart-City-Team"),
                ("19:45", "Galerie der Ergebnisse und Punktabfrage", ""),
                ("20:15", "Wie es weitergeht", ""),
            ),
            protocol=(
                "Rund {count} Teilnehmende, darunter viele Vertreter*innen von Vereinen. Die Ergebnisse der "
                "Thementische fließen in den Entwurf des Leitbilds ein, der im Ausschuss vorgestellt wird."
            ),
        ),
        E(
            key="umfrage_auftakt",
            title="Online-Auftakt zur Bürgerumfrage „Wie digital soll {town} werden?“",
            kind=K.WEBINAR,
            mode=MODE.DIGITAL,
            description=(
                "Zum Start der Bürgerumfrage stellt das Smart-City-Team die Fragen vor, erklärt, was mit den "
                "Antworten geschieht, und beantwortet Fragen im Chat. Die Umfrage läuft danach vier Wochen online "
                "und auf Papier in den Bürgerbüros."
            ),
            days=12,
            weekday=TUESDAY,
            start=(18, 30),
            end=(19, 30),
            public=True,
            agenda=(
                ("18:30", "Warum wir fragen: die Smart-City-Strategie für {town}", ""),
                ("18:45", "Die Umfrage Schritt für Schritt", ""),
                ("19:00", "Fragen aus dem Chat", ""),
            ),
        ),
        E(
            key="fachbereichswerkstatt",
            title="Strategiewerkstatt mit den Fachbereichen",
            kind=K.STRATEGY_WORKSHOP,
            mode=MODE.ANALOG,
            description=(
                "Interne Werkstatt: Die Fachbereiche gleichen die Ergebnisse der Visionswerkstatt mit ihren "
                "Fachplanungen ab und benennen erste Handlungsschwerpunkte."
            ),
            days=26,
            weekday=WEDNESDAY,
            start=(9, 0),
            end=(13, 0),
            public=False,
            registration=False,
            location="Rathaus {town}, Besprechungsraum der Verwaltungsspitze",
            agenda=(
                ("09:00", "Ergebnisse der Visionswerkstatt", ""),
                ("09:45", "Abgleich mit den Fachplanungen", ""),
                ("11:15", "Erste Handlungsschwerpunkte", ""),
                ("12:30", "Nächste Schritte bis zur Lenkungsgruppe", ""),
            ),
        ),
    ],
    STRATEGY: [
        E(
            key="buergerwerkstatt_schwerpunkte",
            title="Bürgerwerkstatt: Wo soll {town} digital anpacken?",
            kind=K.CITIZEN_FORUM,
            mode=MODE.ANALOG,
            description=(
                "Aus der Bürgerumfrage und dem Reifegrad-Check sind Bedarfe in allen Handlungsfeldern entstanden. In "
                "der Bürgerwerkstatt gewichten Bürger*innen diese Bedarfe und ergänzen, was fehlt."
            ),
            days=-29,
            weekday=SATURDAY,
            start=(10, 0),
            end=(13, 0),
            public=True,
            location="Volkshochschule {town}, Forum",
            capacity=60,
            agenda=(
                ("10:00", "Begrüßung und Ergebnisse der Bürgerumfrage", ""),
                ("10:30", "Stationen zu den Handlungsfeldern", "mit Punktabfrage"),
                ("12:15", "Was fehlt noch? Offene Runde", ""),
                ("12:45", "Ausblick auf die Maßnahmenplanung", ""),
            ),
            protocol=(
                "Rund {count} Teilnehmende aus allen Stadtteilen. Die meistgenannten Bedarfe sind als Ergebnisse "
                "festgehalten und gehen mit ihrer Gewichtung in die Auswahl der Handlungsschwerpunkte ein."
            ),
        ),
        E(
            key="ideenwerkstatt_vorschau",
            title="Ideenwerkstatt: Maßnahmen für {town} entwickeln",
            kind=K.WORKSHOP,
            mode=MODE.HYBRID,
            description=(
                "Zu den Handlungsschwerpunkten werden konkrete Maßnahmen gesucht. Bringen Sie Ideen mit – oder "
                "lassen Sie sich von Beispielen aus den anderen Kommunen des Netzwerks anregen."
            ),
            days=19,
            weekday=THURSDAY,
            start=(18, 0),
            end=(20, 30),
            public=True,
            location="Rathaus {town}, Ratssaal",
            capacity=50,
            agenda=(
                ("18:00", "Die Handlungsschwerpunkte im Überblick", ""),
                ("18:20", "Beispiele aus dem Netzwerk", ""),
                ("18:45", "Ideentische", ""),
                ("20:00", "Vorstellung und Ausblick", ""),
            ),
        ),
        E(
            key="strategiewerkstatt_intern",
            title="Strategiewerkstatt Handlungsschwerpunkte",
            kind=K.STRATEGY_WORKSHOP,
            mode=MODE.ANALOG,
            description="Interne Werkstatt der Lenkungsgruppe mit den Fachbereichsleitungen zu den Schwerpunkten.",
            days=-12,
            weekday=TUESDAY,
            start=(13, 0),
            end=(16, 30),
            public=False,
            registration=False,
            location="Rathaus {town}, Sitzungszimmer",
            agenda=(
                ("13:00", "Reifegrad und Bedarfe je Handlungsfeld", ""),
                ("14:00", "Vorschläge für Handlungsschwerpunkte", ""),
                ("15:30", "Abstimmung der Empfehlung an den Ausschuss", ""),
            ),
        ),
    ],
    MEASURES: [
        E(
            key="ideenwerkstatt",
            title="Ideenwerkstatt: Welche Maßnahmen bringen {town} voran?",
            kind=K.WORKSHOP,
            mode=MODE.ANALOG,
            description=(
                "Das Smart-City-Team stellt die Maßnahmensteckbriefe vor; Bürger*innen, Vereine und Unternehmen "
                "diskutieren sie an Stellwänden und vergeben Klebepunkte. Das Ergebnis geht in die Priorisierung "
                "der Lenkungsgruppe ein."
            ),
            days=-45,
            weekday=THURSDAY,
            start=(18, 0),
            end=(21, 0),
            public=True,
            location="Rathaus {town}, Ratssaal",
            capacity=70,
            agenda=(
                ("18:00", "Begrüßung und Stand der Strategie", ""),
                ("18:20", "Die Maßnahmen an Stellwänden", "Rundgang mit den Fachleuten der Verwaltung"),
                ("19:30", "Punktabfrage", "jede Person hat fünf Punkte"),
                ("20:15", "Auswertung und Ausblick", ""),
            ),
            protocol=(
                "Rund {count} Teilnehmende. An den Stellwänden gab es viele Nachfragen zu Kosten und Zeitplan; die "
                "Punktabfrage ist unter „Ergebnisse der Punktabfrage“ dokumentiert."
            ),
        ),
        E(
            key="buergerwerkstatt_ortsteil",
            title="Bürgerwerkstatt {district}: Ideen für den Ortsteil",
            kind=K.CITIZEN_FORUM,
            mode=MODE.ANALOG,
            description=(
                "Die Smart-City-Strategie soll nicht nur in der {centre} wirken. In {district} sammeln wir, was den "
                "Alltag im Ortsteil leichter machen würde – von Mobilität bis Nahversorgung."
            ),
            days=15,
            weekday=SATURDAY,
            start=(10, 0),
            end=(12, 30),
            public=True,
            location="Bürgerhaus {district}",
            capacity=40,
            agenda=(
                ("10:00", "Begrüßung", "Ortsvorsteher*in und Smart-City-Koordination"),
                ("10:15", "Was in {town} schon läuft", ""),
                ("10:45", "Ideen für {district}", "Gruppenarbeit"),
                ("12:00", "Zusammenfassung", ""),
            ),
        ),
        E(
            key="priorisierungsrunde",
            title="Priorisierungsrunde mit der Lenkungsgruppe",
            kind=K.STRATEGY_WORKSHOP,
            mode=MODE.HYBRID,
            description=(
                "Interne Sitzung: Die Lenkungsgruppe bewertet die Maßnahmen nach Mehrwert, Kosten und Aufwand und "
                "beschließt die Reihenfolge für die Beschlussvorlage an den Rat."
            ),
            days=33,
            weekday=TUESDAY,
            start=(14, 0),
            end=(17, 0),
            public=False,
            registration=False,
            location="Rathaus {town}, Sitzungszimmer",
            agenda=(
                ("14:00", "Ergebnisse der Ideenwerkstatt", ""),
                ("14:30", "Bewertung der Maßnahmen", ""),
                ("16:15", "Reihenfolge und Beschlussvorlage", ""),
            ),
        ),
    ],
    IMPLEMENTATION: [
        E(
            key="buergerforum_bilanz",
            title="Bürgerforum: Zwischenbilanz Smart City {town}",
            kind=K.CITIZEN_FORUM,
            mode=MODE.HYBRID,
            description=(
                "Was ist aus den Ideen der Strategie geworden? Das Smart-City-Team berichtet über die laufenden "
                "Maßnahmen, Projektverantwortliche stehen an Infoständen Rede und Antwort. Auch online über den "
                "Livestream mit Fragen im Chat."
            ),
            days=-24,
            weekday=WEDNESDAY,
            start=(18, 0),
            end=(20, 30),
            public=True,
            location="Rathaus {town}, Ratssaal",
            capacity=90,
            agenda=(
                ("18:00", "Begrüßung durch die Verwaltungsspitze", ""),
                ("18:15", "Zwischenbilanz der Smart-City-Strategie", "Smart-City-Koordination"),
                ("18:45", "Infostände zu den Maßnahmen", ""),
                ("20:00", "Offene Fragerunde", ""),
            ),
            protocol=(
                "Rund {count} Teilnehmende vor Ort und online. Die Rückmeldungen zu den einzelnen Maßnahmen sind als "
                "Ergebnisse festgehalten und gehen an die Projektverantwortlichen."
            ),
        ),
        E(
            key="ausprobiertag",
            title="Ausprobiertag: Digitale Angebote der Stadt {town} zum Anfassen",
            kind=K.WORKSHOP,
            mode=MODE.ANALOG,
            description=(
                "Online-Termin buchen, Mängel melden, Bürgerbus bestellen: An Stationen zeigen Verwaltung, Vereine "
                "und Digital-Lots*innen die digitalen Angebote – mit Zeit für alle Fragen und Hilfe am eigenen Gerät."
            ),
            days=20,
            weekday=SATURDAY,
            start=(10, 0),
            end=(14, 0),
            public=True,
            location="Stadtbibliothek {town}",
            agenda=(
                ("10:00", "Stationen geöffnet", "ohne Anmeldung, Anmeldung für Sprechstunden empfohlen"),
                ("11:00", "Kurzvortrag: Sicher im Netz", "Verbraucherzentrale NRW"),
                ("13:00", "Sprechstunde am eigenen Smartphone", ""),
            ),
        ),
        E(
            key="evaluationsworkshop",
            title="Evaluationsworkshop mit dem Smart-City-Team",
            kind=K.WORKSHOP,
            mode=MODE.ANALOG,
            description=(
                "Interner Workshop: Welche Maßnahmen wirken, wo hakt es, was geht in den Regelbetrieb über? "
                "Grundlage sind die Statusberichte und die Kennzahlen der Ziele."
            ),
            days=-9,
            weekday=WEDNESDAY,
            start=(9, 0),
            end=(12, 30),
            public=False,
            registration=False,
            location="Rathaus {town}, Sitzungszimmer",
            agenda=(
                ("09:00", "Kennzahlen und Statusberichte", ""),
                ("10:00", "Wirkung je Maßnahme", ""),
                ("11:30", "Verstetigung: Was geht in den Regelbetrieb?", ""),
            ),
        ),
    ],
}


def stage(phase: int) -> str:
    if phase <= 3:
        return EARLY
    if phase == 4:
        return STRATEGY
    if phase <= 6:
        return MEASURES
    return IMPLEMENTATION


def _day(today: datetime.date, template: EventTemplate, jitter: int) -> datetime.date:
    """The event's day: `days` from today (plus jitter), moved to its weekday and out of the Christmas holidays;
    past events stay in the past."""
    day = today + (template.days + jitter) * DAY
    if template.is_past:
        day -= ((day.weekday() - template.weekday) % 7) * DAY
    else:
        day += ((template.weekday - day.weekday()) % 7) * DAY
    step = -7 * DAY if template.is_past else 7 * DAY
    while _holidays(day):  # nobody holds a workshop between Christmas and Epiphany
        day += step
    return day


def _holidays(day: datetime.date) -> bool:
    return (day.month == 12 and day.day >= 21) or (day.month == 1 and day.day <= 6)


def seed_events(network: Network, towns: dict[str, Municipality]) -> None:
    """Network formats if the network has none yet, and formats of every town that has none yet."""
    today = timezone.localdate()
    if not Event.objects.filter(network=network, municipality__isnull=True).exists():
        _seed_network_events(network, towns, today)
    for municipality in towns.values():
        if not Event.objects.filter(municipality=municipality).exists():
            _seed_town_events(municipality, today)


@transaction.atomic
def _seed_network_events(network: Network, towns: dict[str, Municipality], today: datetime.date) -> None:
    rng = random.Random(f"{network.slug}-events")
    coaches = list(User.objects.filter(memberships__network=network, memberships__role="coach").distinct())
    coaches.sort(key=lambda user: user.email)
    for template in NETWORK_EVENTS:
        participants = (
            list(towns.values())
            if template.participants == ALL
            else [towns[s] for s in template.participants if s in towns]
        )
        event = _create(network, None, template, today, jitter=0, participating=participants)
        people = [demo_user(f"koordination@{town.slug}.demo") for town in sorted(participants, key=lambda t: t.slug)]
        people = [person for person in people if person is not None] + coaches
        if template.registration:
            if template.capacity:
                people = people[: template.capacity]
            _register(event, people, rng)
        if template.is_past:
            for text, slug, key in template.results:
                measure = measures_by_key(towns[slug]).get(key) if slug in towns else None
                event_result_create(actor=None, event=event, text=text, measure=measure)
            _document(event, template.protocol.format(count=len(people)))


def _create(network, municipality, template: EventTemplate, today, *, jitter: int, participating=()) -> Event:
    day = _day(today, template, jitter)
    slug = municipality.slug if municipality is not None else "netzwerk"

    def text(value: str) -> str:
        return fill(value, municipality) if municipality is not None else value

    event = event_create(
        actor=None,
        network=network,
        municipality=municipality,
        data={
            "title": text(template.title),
            "kind": template.kind,
            "mode": template.mode,
            "description": text(template.description),
            "starts_at": local_moment(day, *template.start),
            "ends_at": local_moment(day, *template.end),
            "location": text(template.location) if template.mode != MODE.DIGITAL else "",
            "online_url": ONLINE.format(slug=f"{slug}-{template.key}".replace("_", "-"))
            if template.mode != MODE.ANALOG
            else "",
            "is_public": template.public,
            "registration_open": template.registration,
            "capacity": template.capacity,
        },
        participating=participating,
    )
    # Agenda items in bulk, audited one by one as agenda_item_create does it.
    items = []
    for order, (clock, title, note) in enumerate(template.agenda, start=1):
        hour, minute = (int(part) for part in clock.split(":"))
        item = AgendaItem(
            event=event, title=text(title), time=datetime.time(hour, minute), note=text(note), order=order
        )
        item.clean_fields(exclude=["event"])
        items.append(item)
    for item in AgendaItem.objects.bulk_create(items):
        audit_record(actor=None, instance=item, action=AuditAction.CREATE)
    return event


def _register(event: Event, people: list[User], rng: random.Random) -> None:
    """Registrations of demo accounts: confirmed seats, for past events with attendance (a few no-shows). Written in
    bulk and audited as System (registration_create would register the acting person)."""
    queued = event.starts_at - rng.randint(10, 25) * DAY
    now = timezone.now()
    past = event.ends_at < now
    registrations = []
    for number, user in enumerate(people):
        at = min(queued + number * datetime.timedelta(hours=rng.randint(2, 30)), event.starts_at - DAY)
        if not past and at > now:
            at = now - datetime.timedelta(minutes=len(people) - number)
        registration = Registration(
            event=event,
            user=user,
            status=RegistrationStatus.CONFIRMED,
            queued_at=at,
            confirmed_at=at,
            attended=past and rng.random() < 0.85,
        )
        registration.clean_fields(exclude=["event", "user"])
        registrations.append(registration)
    for registration in Registration.objects.bulk_create(registrations):
        audit_record(actor=None, instance=registration, action=AuditAction.CREATE)


def _document(event: Event, protocol: str) -> None:
    event_documentation_update(
        actor=None,
        event=event,
        data={"protocol": protocol, "documentation_public": event.is_public},
        expected_version=None,
    )


@transaction.atomic
def _seed_town_events(municipality: Municipality, today: datetime.date) -> None:
    rng = random.Random(f"{municipality.slug}-events")
    phase, _start = running_phase(municipality)
    templates = TOWN_EVENTS[stage(phase)][: rng.choice((1, 2, 2, 3, 3))]
    measures = measures_by_key(municipality)
    needs = list(
        Need.objects.filter(municipality=municipality).select_related("action_field").order_by("-weight", "title", "id")
    )
    locals_ = [demo_user(f"{prefix}@{municipality.slug}.demo") for prefix in ("buerger", "redaktion", "lesezugriff")]
    locals_ = [user for user in locals_ if user is not None]
    for template in templates:
        event = _create(municipality.network, municipality, template, today, jitter=rng.randint(-6, 6))
        if template.registration and template.public:
            _register(event, locals_[: rng.randint(1, len(locals_))] if locals_ else [], rng)
        if not template.is_past:
            continue
        if template.key == "ideenwerkstatt":
            _dot_vote(event, municipality, rng)
        elif template.key == "buergerforum_bilanz":
            _feedback(event, measures, rng)
        elif template.key == "evaluationsworkshop":
            _evaluation(event, measures, rng)
        else:
            _needs_results(event, needs, rng)
        count = rng.randint(3, 9) * 10 if template.public else 0
        _document(event, template.protocol.format(count=count) if template.protocol else INTERNAL_PROTOCOL)


INTERNAL_PROTOCOL = (
    "Internes Ergebnisprotokoll. Teilnehmende: Smart-City-Koordination, Fachbereichsleitungen, Prozessbegleitung. "
    "Die Verabredungen sind als Ergebnisse festgehalten; das Protokoll geht an die Lenkungsgruppe."
)


def _dot_vote(event: Event, municipality: Municipality, rng: random.Random) -> None:
    """Workshop topics (measures still to be decided), the dots they got and results naming the favourites."""
    candidates = list(
        Measure.objects.filter(municipality=municipality, status__in=[MeasureStatus.IDEA, MeasureStatus.PLANNED])
        .select_related("action_field")
        .order_by("reference", "id")
    )
    chosen = sorted(rng.sample(candidates, min(5, len(candidates))), key=lambda m: m.reference)
    topics = [workshop_topic_create(actor=None, event=event, measure=measure) for measure in chosen]
    topics.append(workshop_topic_create(actor=None, event=event, question="Was fehlt? Ihre eigene Idee für die Stadt"))
    counts = {topic.pk: rng.randint(4, 38) for topic in topics}
    workshop_results_record(actor=None, event=event, counts=counts)
    ranked = sorted(topics, key=lambda topic: (-counts[topic.pk], topic.order))
    for place, topic in enumerate(ranked[:2], start=1):
        if topic.measure is None:
            continue
        text = f"Platz {place} der Punktabfrage mit {counts[topic.pk]} Punkten: {_named(event, topic.measure)}. " + (
            "Die Lenkungsgruppe nimmt sie als Vorschlag für den ersten Umsetzungsschritt auf."
            if place == 1
            else "Der Steckbrief wird um die Anregungen aus der Werkstatt ergänzt."
        )
        event_result_create(actor=None, event=event, text=text, measure=topic.measure)


def _named(event: Event, item: Measure | Need) -> str:
    """How a result's text names a measure or need: by title, unless the format's documentation is public and the
    item is not (the public page shows it as "(interne Maßnahme)" / "(interner Bedarf)", so the text must not)."""
    if not event.is_public or getattr(item, "is_public", False):
        return f"„{item.title}“"
    kind = "die Maßnahme" if isinstance(item, Measure) else "der Bedarf"
    return f"{kind} aus dem Handlungsfeld {item.action_field.name}"


def _feedback(event: Event, measures: dict[str, Measure], rng: random.Random) -> None:
    running = [
        m
        for m in measures.values()
        if m.status in (MeasureStatus.IN_PROGRESS, MeasureStatus.DONE, MeasureStatus.SUSTAINED)
    ]
    running.sort(key=lambda m: (not m.is_public, m.reference))
    remarks = [
        "Viel Zustimmung; gewünscht wird, das Angebot auch in den Ortsteilen bekannter zu machen.",
        "Nachfragen zu den laufenden Kosten; das Projektteam legt sie im nächsten Statusbericht offen.",
        "Ältere Teilnehmende wünschen eine telefonische Alternative; wird geprüft.",
        "Anregung aus dem Publikum: Daten aus der Maßnahme offen veröffentlichen.",
    ]
    for measure, remark in zip(running[:3], rng.sample(remarks, 3), strict=False):
        name = _named(event, measure)
        text = (
            f"Rückmeldungen zu {name}: {remark}" if name.startswith("„") else f"Rückmeldungen zur {name[4:]}: {remark}"
        )
        event_result_create(actor=None, event=event, text=text, measure=measure)


def _evaluation(event: Event, measures: dict[str, Measure], rng: random.Random) -> None:
    """Internal evaluation: what goes into regular operation, what needs a new plan."""
    running = sorted(
        (m for m in measures.values() if m.status in (MeasureStatus.IN_PROGRESS, MeasureStatus.DONE)),
        key=lambda m: m.reference,
    )
    verdicts = [
        "Wirkung belegt; der Übergang in den Regelbetrieb wird für den Haushalt vorbereitet.",
        "Zeitplan nicht zu halten; die Lenkungsgruppe entscheidet über eine Verlängerung bis Jahresende.",
        "Nutzung hinter den Erwartungen; die Öffentlichkeitsarbeit wird mit den Partnern verstärkt.",
    ]
    for measure, verdict in zip(rng.sample(running, min(3, len(running))), verdicts, strict=False):
        event_result_create(actor=None, event=event, text=f"„{measure.title}“: {verdict}", measure=measure)


def _needs_results(event: Event, needs: list[Need], rng: random.Random) -> None:
    """Results naming the town's weightiest needs, as confirmed or sharpened in the format."""
    voices = ("aus den Ortsteilen", "von Vereinen und Ehrenamt", "von Gewerbetreibenden", "von Eltern und Schulen")
    texts = [
        "{name} erhielt die meiste Zustimmung und wird als Schwerpunkt vorgeschlagen.",
        "{name} wurde bestätigt; Hinweise {voice} werden in der Beschreibung ergänzt.",
        "{name} wurde mehrfach genannt, vor allem {voice}.",
    ]
    top, fields = [], set()
    for need in needs:  # the weightiest need of three different action fields
        if need.action_field_id not in fields:
            top.append(need)
            fields.add(need.action_field_id)
    for text, need in zip(texts, top[:3], strict=False):
        name = _named(event, need)
        name = f"Bedarf {name}" if name.startswith("„") else name[0].upper() + name[1:]
        event_result_create(actor=None, event=event, text=text.format(name=name, voice=rng.choice(voices)), need=need)
