"""Lessons learned of the demo seed: what the towns learned from their measures, formats and the strategy process.

Pure data, no database access; `demo_transfer` attaches them. Texts use the placeholders of `demo_catalogue`
({town}, {centre}, {district}, {district2}); internal lessons also {measure}. Measure lessons are keyed by the
measure template they belong to (several per key where more than one town may report on it), event lessons by the
key of the format (see `demo_events`), process lessons carry the phase from which they make sense.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LessonText:
    title: str
    text: str
    phase: int = 1  # process lessons: from which running phase on
    rural: bool | None = None  # only for rural towns (True), only for the others (False), or for all
    not_for: tuple[str, ...] = ()  # slugs of towns the text cannot come from (e.g. the speakers of a webinar)
    started: bool = False  # internal notes: only about a measure in implementation


L = LessonText

# In order of preference: a town reports first on the measures listed first.
MEASURE_LESSONS: dict[str, list[LessonText]] = {
    "buergerbus": [
        L(
            "Bürgerbus: Die Buchung per Telefon bleibt unverzichtbar",
            "Seit der Bürgerbus auch online gebucht werden kann, fahren deutlich mehr Berufstätige und Schüler*innen "
            "mit, vor allem zwischen {district} und der {centre}. Die Fahrerinnen und Fahrer sehen ihre Fahrten auf "
            "einem Tablet, Leerfahrten sind seltener geworden.\n\n"
            "Nicht bewährt hat sich unser Plan, die Telefonbuchung nach einem Jahr abzuschaffen: Gut die Hälfte der "
            "Fahrgäste über 70 bucht weiterhin per Telefon. Der Verein hat dafür feste Telefonzeiten eingerichtet, "
            "die Ehrenamtliche im Wechsel übernehmen.\n\n"
            "Unser Rat an andere Kommunen: Den Bürgerbusverein von Anfang an in die Auswahl der Buchungssoftware "
            "einbinden – die Ehrenamtlichen müssen damit arbeiten wollen. Und die telefonische Buchung nicht als "
            "Übergangslösung planen, sondern als festen Bestandteil des Angebots.",
        ),
        L(
            "Bürgerbus: Neue Fahrer*innen gewinnt man mit Schnupperfahrten",
            "Die digitale Buchung lief technisch nach wenigen Wochen rund. Der Engpass ist ein anderer: Ohne genug "
            "ehrenamtliche Fahrerinnen und Fahrer lassen sich keine zusätzlichen Fahrten nach {district} und "
            "{district2} anbieten.\n\n"
            "Aufrufe im Amtsblatt und auf der Website brachten kaum Rückmeldungen. Erfolgreich waren dagegen "
            "Schnupperfahrten: Interessierte fahren eine Schicht als Beifahrer*in mit. So haben wir im letzten Jahr "
            "sieben neue Fahrer*innen gewonnen; die Kosten für den Personenbeförderungsschein übernimmt der "
            "Verein.\n\n"
            "Unser Rat: Schichten von höchstens drei Stunden planen, die Dienstplanung über die Buchungssoftware "
            "abwickeln und Fahrerschulungen gemeinsam mit den Nachbarkommunen organisieren.",
        ),
    ],
    "glasfaser": [
        L(
            "Glasfaser im Außenbereich: Erst die Hofstellen überzeugen, dann ausschreiben",
            "Der geförderte Ausbau erreicht inzwischen die ersten Hofstellen und Weiler in {district}. Entscheidend "
            "war die Markterkundung: Über den landwirtschaftlichen Ortsverband haben wir fast alle Eigentümer*innen "
            "persönlich erreicht, die Zustimmung zum Hausanschluss lag am Ende bei über 90 Prozent.\n\n"
            "Unterschätzt haben wir die Genehmigungen für Querungen von Kreisstraßen und Bahnlinien – allein dafür "
            "gingen vier Monate verloren. Auch die Tiefbaukapazitäten in der Region sind knapp; der Netzbetreiber "
            "musste den Bauzeitenplan zweimal anpassen.\n\n"
            "Unser Rat: Eine Ansprechperson im Rathaus benennen, die alle Genehmigungen bündelt, und die Trassen früh "
            "mit Kreis, Straßenbaulastträgern und Wasserverbänden abstimmen. Verlegeverfahren mit geringer Tiefe "
            "sparen viel Zeit, brauchen aber frühzeitig die Zustimmung der Baulastträger.",
        ),
    ],
    "leerstand": [
        L(
            "Leerstand in den Ortsteilen: Wohnhäuser und Hofgebäude mitdenken",
            "Anders als in größeren Städten stehen bei uns weniger Ladenlokale leer als ältere Wohnhäuser und "
            "Hofgebäude, vor allem in {district} und {district2}. Wir haben das Kataster deshalb von Anfang an auf "
            "Wohngebäude und drohenden Leerstand ausgeweitet; die Ortsvorsteher*innen kennen die Häuser am besten und "
            "haben die Erfassung übernommen.\n\n"
            "Schwierig ist der Datenschutz: Angaben über Häuser älterer Alleinstehender sind sensibel. Im Kataster "
            "stehen deshalb nur Objekte, deren Eigentümer*innen zugestimmt haben; alles andere bleibt eine interne "
            "Liste.\n\n"
            "Unser Rat: Leerstandsmanagement mit einer Beratung für junge Familien verbinden, die ein altes Haus "
            "kaufen möchten – dort liegt für Dörfer der größte Hebel.",
            rural=True,
        ),
        L(
            "Leerstandsmanagement: Das Kataster ist schnell gebaut, die Gespräche brauchen Zeit",
            "Das digitale Leerstandskataster für die {centre} stand nach drei Monaten. Den Unterschied machen aber "
            "die persönlichen Gespräche mit Eigentümer*innen: Seit dem Start sind neun Ladenlokale wieder vermietet, "
            "vier davon zunächst als Zwischennutzung für Pop-up-Läden und einen Reparaturtreff.\n\n"
            "Weniger gut: Die Vermittlungsplattform wird von Gründer*innen kaum direkt genutzt; die meisten Kontakte "
            "entstehen weiterhin über die Wirtschaftsförderung und die Werbegemeinschaft. Einige Eigentümer*innen "
            "wollten ihre Objekte nicht öffentlich zeigen.\n\n"
            "Unser Rat: Für das Kataster eine verantwortliche Person mit festen Stunden benennen und die Daten alle "
            "drei Monate aktualisieren. Zwischennutzungen mit einfachen Musterverträgen erleichtern – sie sind oft "
            "der erste Schritt zur dauerhaften Vermietung.",
        ),
    ],
    "smartparking": [
        L(
            "Smart Parking: Die Sensoren liefern, das Parkverhalten ändert sich langsam",
            "Rund 400 Stellplätze in der {centre} sind mit Bodensensoren ausgestattet, die über das LoRaWAN-Netz "
            "melden. Die Sensoren arbeiten zuverlässig, und die Belegungsdaten helfen schon jetzt bei der "
            "Parkraumplanung – etwa bei der Frage, ob ein zusätzliches Parkhaus wirklich gebraucht wird.\n\n"
            "Probleme gab es mit Fehlmeldungen nach Frostnächten und bei abgestellten Anhängern. An zwei Parkplätzen "
            "sind wir auf eine Zählung an der Zufahrt umgestiegen. Die Anzeigetafeln an den Einfallstraßen werden gut "
            "angenommen, die eigene App dagegen kaum.\n\n"
            "Unser Rat: Mit einem Pilotparkplatz beginnen und die Messgenauigkeit mit Handzählungen prüfen. Die Daten "
            "offen bereitstellen, damit Navigationsdienste sie übernehmen – eine eigene App lohnt sich selten. Den "
            "Batteriewechsel gleich in den Wartungsvertrag schreiben.",
        ),
    ],
    "lorawan": [
        L(
            "LoRaWAN: Offener Netzwerkserver und klare Regeln für die Mitnutzung",
            "Unser LoRaWAN-Netz läuft mit Gateways auf städtischen Gebäuden und deckt das Stadtgebiet einschließlich "
            "{district} ab. Die Stadtwerke betreiben es, die Stadt behält die Datenhoheit. Inzwischen hängen Pegel-, "
            "Bodenfeuchte- und Füllstandssensoren daran, und zwei Schulen messen damit CO₂ in Klassenräumen.\n\n"
            "Aufwendiger als gedacht war die Abstimmung der Gateway-Standorte mit Gebäudemanagement und "
            "Denkmalschutz. In Tiefgaragen und Kellern reicht die Abdeckung nicht; dort helfen nur zusätzliche "
            "Indoor-Gateways.\n\n"
            "Unser Rat: Eine offene Netzwerkserver-Software wählen, um nicht an einen Hersteller gebunden zu sein, "
            "und früh eine Nutzungsordnung schreiben: Wer darf Sensoren anmelden, wem gehören die Daten, wer zahlt "
            "den Betrieb?",
        ),
        L(
            "LoRaWAN mit den Stadtwerken: Mit zwei Anwendungsfällen starten",
            "Wir haben klein angefangen: drei Gateways und zwei Anwendungen – Pegelstände an den Bächen und "
            "Füllstände der Altglascontainer. So war schnell sichtbar, wofür das Netz gut ist, und der Ausschuss hat "
            "der Erweiterung ohne lange Diskussion zugestimmt.\n\n"
            "Schwieriger war die Frage der Zuständigkeit: Die IT sah das Netz bei den Stadtwerken, die Stadtwerke die "
            "Daten bei der Stadt. Erst eine schriftliche Betriebsvereinbarung hat das geklärt.\n\n"
            "Unser Rat: Die Aufgaben von Anfang an schriftlich verteilen und für kleinere Kommunen einen gemeinsamen "
            "Netzwerkserver mit Nachbarn oder dem Kreis prüfen – das spart Betriebskosten und Know-how.",
        ),
    ],
    "dorfapp": [
        L(
            "Dorf-App: Die Vereine füllen sie mit Leben – wenn man sie lässt",
            "Die Dorf-App ist dort erfolgreich, wo Vereine, Kirchengemeinden und Kitas selbst Neuigkeiten und Termine "
            "einstellen. Nach einem Jahr haben rund 1 800 Menschen die App installiert – für eine Kleinstadt mehr, "
            "als wir erwartet hatten.\n\n"
            "Die Funktion für Nachbarschaftshilfe wird dagegen kaum genutzt: Wer Hilfe braucht, ruft weiterhin lieber "
            "an. Zu viele Push-Nachrichten haben in den ersten Wochen auch Nutzer*innen vergrault.\n\n"
            "Unser Rat: Ein kleines Redaktionsteam aus dem Ehrenamt aufbauen, klare Regeln für Beiträge vereinbaren "
            "und Push-Nachrichten nur für wirklich Wichtiges verwenden.",
        ),
    ],
    "coworking": [
        L(
            "Co-Working in der {centre}: Gefragt sind die Tage in der Wochenmitte",
            "Der Co-Working-Space im früheren Ladenlokal ist von Dienstag bis Donnerstag gut ausgelastet, vor allem "
            "von Pendler*innen, die sich die Fahrt ins Ruhrgebiet oder nach Münster sparen. Montags und freitags "
            "bleibt er oft leer.\n\n"
            "Monatsverträge haben wir kaum verkauft; gefragt sind Zehnerkarten und Tagespässe. Die Kaffeeküche und "
            "ein ruhiger Raum für Videokonferenzen sind wichtiger als schnelle Technik allein.\n\n"
            "Unser Rat: Flexible Tarife anbieten, Arbeitgeber aus der Region als Partner gewinnen und den Raum an "
            "ruhigen Tagen für Veranstaltungen öffnen – das macht ihn bekannt.",
        ),
    ],
    "quartiersplattform": [
        L(
            "Quartiersplattform: Ohne Quartiersmanagement vor Ort bleibt sie leer",
            "Die digitale Quartiersplattform für {district} hat erst Fahrt aufgenommen, als das Quartiersbüro sie "
            "aktiv betreut hat: Aushänge im Treppenhaus, Sprechstunden und Beiträge der Wohnungsbaugesellschaft zu "
            "Baustellen und Mieterfesten.\n\n"
            "Reine Online-Werbung brachte kaum Anmeldungen. Auch die Marktplatzfunktion wurde selten genutzt; beliebt "
            "sind dagegen Verschenk-Angebote und Hinweise auf Treffen im Quartier.\n\n"
            "Unser Rat: Die Plattform als Werkzeug des Quartiersmanagements verstehen, nicht als eigenes Projekt. "
            "Eine Ansprechperson, die Beiträge moderiert und Fragen schnell beantwortet, ist entscheidend.",
        ),
    ],
    "serviceportal": [
        L(
            "Online-Dienste: Zuerst die zehn häufigsten Anträge – und zwar Ende zu Ende",
            "Anwohnerparkausweis, Meldebescheinigung, Hundesteuer: Die zehn am häufigsten genutzten Leistungen sind "
            "online und laufen ohne Medienbruch ins Fachverfahren. Bei diesen Anträgen kommt inzwischen fast die "
            "Hälfte digital an.\n\n"
            "Am Anfang hatten wir Formulare online gestellt, die im Bürgerbüro ausgedruckt und abgetippt wurden. Das "
            "hat die Arbeit nicht verringert, sondern verdoppelt, und die Beschäftigten waren zu Recht "
            "unzufrieden.\n\n"
            "Unser Rat: Lieber wenige Leistungen vollständig digitalisieren als viele halb. Die Formulare mit echten "
            "Nutzer*innen testen – unser Seniorenbeirat hat dabei viele Hürden gefunden, die niemand im Rathaus "
            "gesehen hatte.",
        ),
    ],
    "dorfplatz": [
        L(
            "Digitaler Dorfplatz: Das Bürgerhaus braucht feste Öffnungszeiten",
            "Im Bürgerhaus in {district} gibt es jetzt WLAN, eine Paketstation, einen kleinen Raum für "
            "Videokonferenzen und zweimal im Monat eine Sprechstunde der Verwaltung per Video. Die Paketstation und "
            "das WLAN werden sehr gut genutzt.\n\n"
            "Die Videosprechstunde kam erst in Gang, als Ehrenamtliche beim Verbinden halfen – allein wollte kaum "
            "jemand vor die Kamera. Ohne feste Öffnungszeiten war das Haus oft verschlossen, wenn Menschen "
            "vorbeikamen.\n\n"
            "Unser Rat: Einen Trägerverein oder den Dorfverein mit dem Betrieb beauftragen, die Schlüsselfrage klären "
            "und feste Zeiten anbieten. Die Stadt übernimmt bei uns Miete und Internetanschluss.",
        ),
    ],
    "digitallotsen": [
        L(
            "Digital-Lots*innen: Hilfe am eigenen Gerät wirkt am besten",
            "Vierzehn Ehrenamtliche helfen älteren Menschen in wöchentlichen Sprechstunden in der Bibliothek und im "
            "Bürgerhaus – beim Einrichten des Smartphones, bei Videoanrufen mit den Enkeln oder beim Online-Termin im "
            "Rathaus.\n\n"
            "Kurse mit Beamer und Vortrag haben wir nach kurzer Zeit aufgegeben: Die Fragen sind zu unterschiedlich, "
            "und jedes Gerät ist anders. Eins-zu-eins am eigenen Gerät funktioniert viel besser.\n\n"
            "Unser Rat: Die Lots*innen gemeinsam mit der Volkshochschule schulen, Haftungs- und Datenschutzfragen "
            "vorab klären (keine Passwörter notieren!) und einige Leihgeräte zum Ausprobieren bereithalten.",
        ),
    ],
    "energiemonitoring": [
        L(
            "Energiemonitoring: Die Hausmeister*innen sind die wichtigsten Partner",
            "In 24 städtischen Gebäuden werden Strom, Wärme und Wasser inzwischen digital erfasst. Schon im ersten "
            "Winter haben angepasste Heizzeiten in Schulen und Turnhallen den Wärmeverbrauch spürbar gesenkt.\n\n"
            "Viele alte Zähler ließen sich nicht auslesen und mussten getauscht werden; das hat Zeit und Geld "
            "gekostet, die wir nicht eingeplant hatten. Und Daten allein sparen nichts: Erst als die "
            "Hausmeister*innen die Auswertungen monatlich bekamen und erklärten, was vor Ort los ist, haben wir "
            "Fehler gefunden.\n\n"
            "Unser Rat: Vor dem Start den Zählerbestand aufnehmen, mit wenigen großen Verbrauchern anfangen und die "
            "Menschen in den Gebäuden von Anfang an einbinden.",
        ),
    ],
    "ondemand": [
        L(
            "On-Demand-Shuttle: Die Nachfrage kommt abends und am Wochenende",
            "Das per App buchbare Shuttle zwischen {district} und {district2} wird vor allem abends und am Wochenende "
            "genutzt, wenn kaum noch Busse fahren. Jugendliche und Beschäftigte im Schichtdienst sind die häufigsten "
            "Fahrgäste.\n\n"
            "Tagsüber fuhr das Shuttle anfangs parallel zum Linienbus und war schlecht ausgelastet; wir haben die "
            "Bedienzeiten deshalb nach drei Monaten angepasst. Ohne Tarifintegration fühlten sich Abo-Kund*innen "
            "benachteiligt.\n\n"
            "Unser Rat: Das Angebot gemeinsam mit dem Verkehrsunternehmen planen, den Nahverkehrstarif von Anfang an "
            "anerkennen und die Buchung auch telefonisch ermöglichen.",
        ),
    ],
    "marktplatz": [
        L(
            "Online-Marktplatz: Sichtbarkeit ist gefragt, Bestellungen weniger",
            "Mehr als sechzig Geschäfte und Gastronomiebetriebe zeigen sich auf dem lokalen Online-Marktplatz mit "
            "Öffnungszeiten, Angeboten und Aktionen. Besonders beliebt ist die Übersicht, wer an Sonntagen und in den "
            "Ferien geöffnet hat.\n\n"
            "Über die Plattform wird dagegen wenig bestellt. Viele Händler*innen haben keine Zeit, ihr Sortiment zu "
            "pflegen; nach dem ersten Halbjahr waren einige Einträge veraltet.\n\n"
            "Unser Rat: Den Aufwand für die Betriebe so klein wie möglich halten (Übernahme vorhandener Daten, "
            "Sprechstunde der Wirtschaftsförderung) und den Marktplatz mit der Werbegemeinschaft und den "
            "Einkaufsaktionen in der {centre} verbinden.",
        ),
    ],
    "eakte": [
        L(
            "E-Akte: Der digitale Posteingang ist der beste Einstieg",
            "Wir haben nicht mit der E-Akte für alle begonnen, sondern mit einer zentralen Scanstelle und dem "
            "digitalen Posteingang in drei Ämtern. Die Beschäftigten haben schnell gesehen, dass Post nicht mehr "
            "verloren geht und Vertretungen einfacher werden.\n\n"
            "Der Aktenplan war veraltet und musste zuerst überarbeitet werden – das hat ein halbes Jahr gedauert. Den "
            "Personalrat haben wir zu spät eingebunden; die Dienstvereinbarung hat den Start verzögert.\n\n"
            "Unser Rat: Aktenplan und Dienstvereinbarung zuerst, dann mit motivierten Pilotämtern anfangen und "
            "Schulungen kurz und praxisnah halten.",
        ),
    ],
    "bauantrag": [
        L(
            "Digitaler Bauantrag: Die beteiligten Stellen müssen mitziehen",
            "Inzwischen kommen die meisten Bauanträge digital an, und die Bauaufsicht kann Unterlagen parallel an die "
            "beteiligten Fachstellen geben. Die Bearbeitung einfacher Vorhaben ist dadurch spürbar schneller "
            "geworden.\n\n"
            "Nicht alle Beteiligten arbeiten digital: Einige Stellungnahmen kamen weiter auf Papier und mussten "
            "eingescannt werden. Architekturbüros hatten anfangs Fragen zu Dateiformaten und Signaturen.\n\n"
            "Unser Rat: Einen Infoabend für Planer*innen anbieten, Dateiformate klar vorgeben und mit Kreis und "
            "Fachbehörden früh klären, wie Stellungnahmen digital zurückkommen.",
        ),
    ],
    "termin": [
        L(
            "Online-Terminvergabe: Spontane Besuche nicht ganz abschaffen",
            "Seit Termine im Bürgerbüro online gebucht werden, sind die Wartezeiten deutlich kürzer, und die "
            "Beschäftigten können ihren Tag besser planen.\n\n"
            "Etwa jeder siebte gebuchte Termin wurde anfangs nicht wahrgenommen. Eine Erinnerung per E-Mail oder SMS "
            "am Vortag hat das halbiert. Menschen ohne Internet fühlten sich ausgeschlossen, bis wir wieder ein "
            "Kontingent für spontane Besuche eingeführt haben.\n\n"
            "Unser Rat: Erinnerungen und eine einfache Absagefunktion von Beginn an einplanen und täglich Zeiten ohne "
            "Termin freihalten.",
        ),
    ],
    "datenplattform": [
        L(
            "Urbane Datenplattform: Zuerst die Fragen der Fachbereiche",
            "Die Datenplattform hat an Zustimmung gewonnen, seit sie konkrete Fragen beantwortet: Wo wird es im "
            "Sommer besonders heiß? Welche Straßenbäume brauchen Wasser? Wie voll sind die Parkhäuser? Die Dashboards "
            "dazu werden in den Fachbereichen regelmäßig genutzt.\n\n"
            "Der Aufbau hat länger gedauert als geplant, weil Schnittstellen zu Fachverfahren fehlten und der Betrieb "
            "Fachkräfte braucht, die schwer zu finden sind.\n\n"
            "Unser Rat: Mit drei bis fünf Anwendungsfällen der Fachbereiche starten, nicht mit der Technik. Für "
            "kleinere Kommunen lohnt sich eine gemeinsame Plattform mit dem Kreis oder dem IT-Dienstleister.",
        ),
    ],
    "opendata": [
        L(
            "Open Data: Wenige gepflegte Datensätze schlagen viele veraltete",
            "Auf dem Open-Data-Portal stehen inzwischen rund vierzig Datensätze, von Haushaltsdaten bis zu "
            "Radzählstellen. Am meisten genutzt werden Echtzeitdaten und Geodaten; die Civic-Tech-Gruppe hat daraus "
            "schon mehrere Anwendungen gebaut.\n\n"
            "Am Anfang haben wir zu viele einmalige Exporte veröffentlicht, die bald veraltet waren. Inzwischen hat "
            "jeder Datensatz eine verantwortliche Person im Fachbereich und einen Aktualisierungsrhythmus.\n\n"
            "Unser Rat: Klein anfangen, Zuständigkeiten festlegen und die Nutzer*innen zu einem jährlichen "
            "Open-Data-Tag einladen – ihre Wünsche zeigen, welche Daten wirklich gebraucht werden.",
        ),
    ],
    "baumbewaesserung": [
        L(
            "Smarte Baumbewässerung: Bodenfeuchtesensoren sparen Fahrten",
            "An hundert Jungbäumen messen Sensoren die Bodenfeuchte in zwei Tiefen. Die Grünflächenpflege fährt nur "
            "noch dorthin, wo wirklich Wasser fehlt; in trockenen Sommern spart das viele Fahrten mit dem "
            "Wasserwagen.\n\n"
            "Einige Sensoren wurden beschädigt oder ausgegraben, und die Werte mussten in den ersten Monaten mit "
            "Proben vor Ort abgeglichen werden.\n\n"
            "Unser Rat: Die Sensoren gut sichtbar kennzeichnen und erklären, wofür sie da sind, und Baumpatenschaften "
            "aus der Nachbarschaft einbinden – die Patinnen und Paten bekommen die Werte ihres Baumes aufs Handy.",
        ),
    ],
    "starkregen": [
        L(
            "Starkregen-Frühwarnung: Die Schwellenwerte brauchen einen Sommer Erfahrung",
            "Pegelsensoren an den Bächen melden steigende Wasserstände in Echtzeit an Feuerwehr und Bauhof. Bei zwei "
            "Unwettern konnten Durchlässe rechtzeitig freigeräumt werden.\n\n"
            "Die ersten Warnschwellen waren zu niedrig gesetzt; es gab viele Fehlalarme, und die Feuerwehr hat die "
            "Meldungen zeitweise ignoriert. Erst nach einem Sommer mit echten Messwerten passten die Schwellen.\n\n"
            "Unser Rat: Schwellenwerte gemeinsam mit Feuerwehr und Wasserverband festlegen und im ersten Jahr "
            "regelmäßig nachjustieren; die Warnkette vorher in einer Übung testen.",
        ),
    ],
    "strassenbeleuchtung": [
        L(
            "LED-Straßenbeleuchtung: Die Ortsteile wollten mitreden",
            "Die neuen LED-Leuchten mit Bewegungsmeldern in {district} sparen viel Strom, und die Wartung ist "
            "einfacher geworden.\n\n"
            "Die nächtliche Absenkung hat anfangs für Beschwerden gesorgt: Auf Schulwegen und an Bushaltestellen "
            "fühlten sich Menschen unsicher. Nach einem Rundgang mit Ortsvorsteherin und Seniorenbeirat haben wir die "
            "Einstellungen an diesen Stellen angepasst.\n\n"
            "Unser Rat: Vor der Umrüstung mit den Menschen vor Ort durch die Straßen gehen und die Dimmprofile je "
            "Straße festlegen – nicht für die ganze Stadt einheitlich.",
        ),
    ],
    "lastenrad": [
        L(
            "Freie Lastenräder: Ausleihe über die Bibliothek, Wartung über den Fahrradhandel",
            "Die Lastenräder werden über die Bibliothek und zwei Geschäfte in der {centre} verliehen und sind an "
            "Wochenenden fast immer ausgebucht – für Einkäufe, Umzüge und Ausflüge mit Kindern.\n\n"
            "Die Wartung hatten wir unterschätzt: Reifen, Bremsen und Akkus brauchen regelmäßig Pflege, und "
            "Ehrenamtliche allein konnten das nicht leisten.\n\n"
            "Unser Rat: Einen Wartungsvertrag mit einem Fahrradgeschäft vor Ort schließen und die Ausleihe an Orte "
            "mit langen Öffnungszeiten legen.",
        ),
    ],
    "chatbot": [
        L(
            "Chatbot: Gute Antworten brauchen gepflegte Inhalte",
            "Der Chatbot beantwortet auf der Website rund um die Uhr Fragen zu Öffnungszeiten, Abfuhrterminen und "
            "Anträgen. Ein großer Teil der Fragen wird ohne Rückfrage beantwortet.\n\n"
            "Wo die Informationen auf der Website veraltet waren, hat der Chatbot falsche Auskünfte gegeben. Das hat "
            "Vertrauen gekostet und uns gezeigt, dass Redaktionsarbeit die eigentliche Aufgabe ist.\n\n"
            "Unser Rat: Vor dem Start die Inhalte der Website aufräumen, bei Unsicherheit an eine Person weiterleiten "
            "und offen sagen, dass ein Programm antwortet.",
        ),
    ],
    "jugendbeteiligung": [
        L(
            "Jugendbeteiligung digital: Die Schulen sind der Schlüssel",
            "Das digitale Jugendforum hat vor allem über die Schulen Reichweite bekommen: Abstimmungen im Unterricht, "
            "Projekttage und die SV als Multiplikatorin. Mehrere Vorschläge – ein überdachter Treffpunkt und WLAN am "
            "Skatepark – werden umgesetzt.\n\n"
            "Über soziale Medien allein haben wir kaum Jugendliche erreicht, und lange Bearbeitungszeiten der "
            "Verwaltung haben die Motivation gedämpft.\n\n"
            "Unser Rat: Schnelle, sichtbare Ergebnisse einplanen und jeden Vorschlag innerhalb weniger Wochen "
            "beantworten – auch wenn die Antwort „nein“ ist.",
        ),
    ],
    "interkommunal": [
        L(
            "Gemeinsame Digitalisierungsstelle: Kosten und Prioritäten schriftlich regeln",
            "Mit den Nachbarkommunen teilen wir uns zwei Stellen für Digitalisierung. So haben wir Fachwissen, das "
            "keine der kleinen Verwaltungen allein finanzieren könnte, und Lösungen werden nur einmal entwickelt.\n\n"
            "Anfangs war unklar, wessen Projekte Vorrang haben. Das hat zu Spannungen geführt, bis eine "
            "Kooperationsvereinbarung Kostenanteile und eine gemeinsame Prioritätenliste festgelegt hat.\n\n"
            "Unser Rat: Die Vereinbarung vor der Stellenbesetzung schließen, eine gemeinsame Steuerungsrunde der "
            "Bürgermeister*innen einrichten und die Arbeitszeit transparent auf die Kommunen verteilen.",
        ),
    ],
    "schulweg": [
        L(
            "Digitaler Schulwegplan: Eltern melden mit, wenn sie sehen, dass etwas passiert",
            "Der digitale Schulwegplan zeigt sichere Wege zu allen Grundschulen; Eltern und Kinder können "
            "Gefahrenstellen auf einer Karte melden. In den ersten Monaten kamen über hundert Hinweise.\n\n"
            "Die Meldungen gingen anfangs in einem Postfach unter. Erst seit die Straßenverkehrsbehörde jede Meldung "
            "beantwortet und erledigte Punkte auf der Karte markiert, melden Eltern weiter.\n\n"
            "Unser Rat: Die Bearbeitung der Meldungen vor dem Start regeln und die Schulen als Partner für die "
            "Bekanntmachung gewinnen.",
        ),
    ],
    "geoportal": [
        L(
            "Geoportal und 3D-Stadtmodell: Die Planungsämter sind die ersten Nutzer",
            "Das Geoportal bündelt Bebauungspläne, Luftbilder und das 3D-Stadtmodell. Am meisten nutzen es bisher "
            "Stadtplanung und Bauaufsicht – etwa um Bürger*innen bei Informationsabenden zu zeigen, wie ein Neubau "
            "wirken wird.\n\n"
            "Für Bürger*innen war die erste Version zu kompliziert; viele Funktionen blieben ungenutzt.\n\n"
            "Unser Rat: Für die Öffentlichkeit eine einfache Ansicht mit wenigen Themen anbieten und die Fachansicht "
            "getrennt halten; offene Standards erleichtern die Anbindung an Landesdienste.",
        ),
    ],
    "openlibrary": [
        L(
            "Open Library: Abends und sonntags kommen neue Besucher*innen",
            "Mit Selbstverbuchung und Zugang per Bibliotheksausweis ist die Bibliothek auch abends und sonntags "
            "geöffnet. Gerade Berufstätige und Familien nutzen diese Zeiten – viele von ihnen waren vorher keine "
            "Kund*innen.\n\n"
            "Vor dem Start gab es Sorgen wegen Vandalismus und Sicherheit. Probleme gab es bisher kaum; wichtig waren "
            "Videotechnik im Eingangsbereich, ein Notrufknopf und klare Hausregeln.\n\n"
            "Unser Rat: Das Team der Bibliothek früh einbinden und die Open-Library-Zeiten schrittweise ausweiten.",
        ),
    ],
    "waldmonitoring": [
        L(
            "Waldmonitoring: Drohnenbilder und Förster*innen ergänzen sich",
            "Drohnenbilder und Sensoren im Stadtwald zeigen Trockenstress und Käferbefall früher als die Begehung "
            "allein. Befallene Bäume können schneller entnommen werden.\n\n"
            "Die Auswertung der Bilder braucht Fachwissen; ohne die Erfahrung der Förster*innen waren die Karten "
            "schwer zu deuten. Die Funkabdeckung im Wald reichte nicht überall.\n\n"
            "Unser Rat: Das Monitoring mit dem Forstbetrieb gemeinsam planen, Gateway-Standorte auf Anhöhen wählen "
            "und die Ergebnisse für Waldbesitzer*innen in der Nachbarschaft öffnen.",
        ),
    ],
    "besucherlenkung": [
        L(
            "Besucherlenkung: Die Anzeige wirkt nur mit einer attraktiven Alternative",
            "An vollen Ausflugstagen zeigen Anzeigetafeln und Website, wie voll die Parkplätze sind, und schlagen "
            "Alternativen vor. Staus an den Zufahrten sind seltener geworden.\n\n"
            "Wenn die Alternative weit entfernt oder schlecht angebunden war, haben Gäste die Hinweise ignoriert.\n\n"
            "Unser Rat: Besucherlenkung zusammen mit Shuttle- oder Busangeboten planen und die Daten an Tourismus- "
            "und Navigationsdienste weitergeben.",
        ),
    ],
    "digitalsprechstunde": [
        L(
            "Digitalisierungssprechstunde: Betriebe kommen mit konkreten Problemen",
            "Die monatliche Sprechstunde für kleine Betriebe ist gut besucht, wenn es um konkrete Fragen geht: "
            "Online-Terminbuchung, Rechnungen, Webseite, Fördermittel. Allgemeine Vorträge zur Digitalisierung wurden "
            "kaum angenommen.\n\n"
            "Unser Rat: Die Sprechstunde mit Kammern und Wirtschaftsförderung gemeinsam anbieten und auf Einladung "
            "auch direkt in die Betriebe gehen.",
        ),
    ],
    "solarkataster": [
        L(
            "Solarkataster: Die Beratung nach dem Klick macht den Unterschied",
            "Das Solarkataster wird häufig aufgerufen, aber erst die kostenlose Energieberatung danach führt zu "
            "Anlagen auf den Dächern. Wer beraten wurde, hat deutlich häufiger eine Anlage bestellt.\n\n"
            "Unser Rat: Kataster und Beratung als ein Angebot bewerben, Termine direkt aus dem Kataster buchbar "
            "machen und Handwerksbetriebe aus der Region einbinden.",
        ),
    ],
    "veranstaltungskalender": [
        L(
            "Gemeinsamer Veranstaltungskalender: Eine Schnittstelle statt dreifacher Eingabe",
            "Vereine, Tourismus und Stadt pflegen ihre Termine jetzt an einer Stelle; Website, Dorf-App und "
            "Tourismusportal übernehmen sie über eine offene Schnittstelle.\n\n"
            "Unser Rat: Vorher klären, wer Einträge freigibt, und Vereinen eine einfache Eingabe ohne Konto "
            "ermöglichen – sonst bleiben die Termine in der Zeitung.",
        ),
    ],
    "echtzeit": [
        L(
            "Echtzeit-Fahrgastinformation: Die Anzeigen sind nur so gut wie die Daten",
            "Die dynamischen Anzeigen an den Haltestellen werden geschätzt. Wenn die Daten des Verkehrsunternehmens "
            "aber ausfallen, zeigen sie nur den Fahrplan – das sorgt für Ärger.\n\n"
            "Unser Rat: Datenqualität und Ausfallzeiten im Vertrag mit dem Verkehrsunternehmen regeln und Störungen "
            "offen auf der Anzeige kommunizieren.",
        ),
    ],
    "radzaehlung": [
        L(
            "Radzählstellen: Die Daten überzeugen in der Politik",
            "Seit die Zählstellen an den Velorouten täglich Daten liefern, wird im Ausschuss mit Zahlen statt mit "
            "Eindrücken diskutiert. Die Zählungen haben den Ausbau zweier Radwege begründet.\n\n"
            "Unser Rat: Die Daten offen veröffentlichen und eine Zählstelle mit Anzeige gut sichtbar aufstellen – sie "
            "macht den Radverkehr im Stadtbild sichtbar.",
        ),
    ],
    "frequenz": [
        L(
            "Passantenfrequenz: Datenschutzkonform messen und offen darüber sprechen",
            "Die Frequenzmessung in der {centre} zählt anonym, ohne Bilder zu speichern. Handel und Stadtmarketing "
            "nutzen die Zahlen für Öffnungszeiten und Aktionen.\n\n"
            "Unser Rat: Den Datenschutzbeauftragten früh einbinden und vor Ort mit Schildern erklären, was gemessen "
            "wird – Nachfragen gab es dann kaum.",
        ),
    ],
    "stadtgutschein": [
        L(
            "Digitaler Stadtgutschein: Arbeitgeber als Käufer gewinnen",
            "Der digitale Stadtgutschein hat richtig Schwung bekommen, als Arbeitgeber ihn als steuerfreien Sachbezug "
            "an ihre Beschäftigten ausgegeben haben. So bleibt Kaufkraft in der Stadt.\n\n"
            "Unser Rat: Die Akzeptanzstellen einfach anbinden (ohne zusätzliche Kassentechnik) und die Unternehmen "
            "gezielt über die Wirtschaftsförderung ansprechen.",
        ),
    ],
    "beteiligungsplattform": [
        L(
            "Beteiligungsplattform: Zeigen, was aus den Vorschlägen wurde",
            "Die Plattform wird genutzt, wenn Beteiligung Folgen hat. Seit wir zu jedem Verfahren veröffentlichen, "
            "was aus den Vorschlägen geworden ist, kommen mehr und konkretere Beiträge.\n\n"
            "Unser Rat: Jedes Verfahren mit einer Rückmeldung abschließen und Online-Beteiligung immer mit einem "
            "Angebot vor Ort verbinden.",
        ),
    ],
    "digitalakademie": [
        L(
            "Digitalakademie: Kurze Formate in der Arbeitszeit",
            "Neunzigminütige Kurse in der Arbeitszeit, auch online, werden gut angenommen; ganztägige Seminare kaum. "
            "Besonders gefragt sind Kurse zu E-Akte, Videokonferenzen und Datenschutz.\n\n"
            "Unser Rat: Digitalpat*innen in den Ämtern ausbilden, die Kolleg*innen im Alltag helfen.",
        ),
    ],
}

# Lessons from formats, keyed by the format's key (demo_events): each text is used once in the network.
EVENT_LESSONS: dict[str, list[LessonText]] = {
    "visionswerkstatt": [
        L(
            "Visionswerkstatt: Konkrete Fragen statt Smart-City-Schlagworte",
            "Zur Visionswerkstatt kamen mehr Menschen als erwartet, vor allem aus Vereinen. Gut funktioniert haben "
            "Thementische mit konkreten Fragen aus dem Alltag („Wie kommen Sie ohne Auto zum Arzt?“) statt abstrakter "
            "Begriffe wie „Smart City“ oder „Digitalisierung“.\n\n"
            "Jüngere Menschen und Berufstätige waren kaum vertreten. Für die nächste Runde planen wir deshalb eine "
            "Online-Umfrage und eine Aktion an den Schulen.\n\n"
            "Unser Rat: Moderation an jedem Tisch, Ergebnisse noch am Abend als Galerie zeigen und sagen, wann und "
            "wie die Ergebnisse in das Leitbild einfließen.",
        ),
    ],
    "buergerwerkstatt_schwerpunkte": [
        L(
            "Bürgerwerkstatt am Samstagvormittag: Familien kamen, Berufstätige auch",
            "Die Bürgerwerkstatt am Samstagvormittag hat ein anderes Publikum erreicht als unsere Abendtermine: mehr "
            "Familien, mehr Berufstätige, weniger „die üblichen Verdächtigen“. Kinderbetreuung vor Ort war dabei "
            "entscheidend.\n\n"
            "Die Stationen zu allen sechs Handlungsfeldern waren zu viel für drei Stunden; an einigen Tischen blieb "
            "kaum Zeit für Diskussion.\n\n"
            "Unser Rat: Weniger Stationen, Kinderbetreuung anbieten und die Gewichtung der Bedarfe sofort sichtbar "
            "machen.",
        ),
    ],
    "ideenwerkstatt": [
        L(
            "Ideenwerkstatt: Steckbriefe auf einer Seite – mit Kosten",
            "Für die Ideenwerkstatt haben wir jede Maßnahme auf einer Seite beschrieben: Nutzen, Kosten, Zeitplan, "
            "Beteiligte. Die Diskussion war dadurch deutlich realistischer als bei früheren Ideensammlungen; "
            "Teilnehmende haben von sich aus nach Folgekosten gefragt.\n\n"
            "Die Punktabfrage hat große, sichtbare Maßnahmen bevorzugt. Für Grundlagen wie Datenplattform oder E-Akte "
            "mussten wir erklären, warum sie trotzdem wichtig sind.\n\n"
            "Unser Rat: Steckbriefe kurz halten, Fachleute der Verwaltung an die Stellwände stellen und die "
            "Punktabfrage als ein Kriterium unter mehreren behandeln.",
        ),
        L(
            "Punktabfrage: Ergebnisse sofort zeigen und erklären, was daraus wird",
            "Die Klebepunkte wurden noch am Abend ausgezählt und vorgestellt – das kam sehr gut an. Wir haben auch "
            "gesagt, dass die Lenkungsgruppe am Ende abwägt und die Punktabfrage ein wichtiges, aber nicht das "
            "einzige Kriterium ist.\n\n"
            "Ein Problem: Einige Gruppen haben gezielt für „ihre“ Maßnahme mobilisiert. Bei der nächsten Werkstatt "
            "ergänzen wir die Punkte deshalb um eine kurze Online-Abfrage.\n\n"
            "Unser Rat: Transparent machen, wie die Ergebnisse gewichtet werden, und die Auswertung online "
            "veröffentlichen.",
        ),
        L(
            "Ideenwerkstatt: Verwaltung und Bürgerschaft an einem Tisch",
            "Zum ersten Mal standen die Fachleute aus der Verwaltung selbst an den Stellwänden und haben Fragen "
            "beantwortet. Das hat Vorbehalte auf beiden Seiten abgebaut; mehrere Teilnehmende haben angeboten, bei "
            "der Umsetzung mitzuarbeiten.\n\n"
            "Der Ratssaal mit fester Bestuhlung war für eine Werkstatt ungeeignet; beim nächsten Mal gehen wir in die "
            "Stadthalle.\n\n"
            "Unser Rat: Einen Raum wählen, in dem man sich bewegen kann, und Kontakte von Interessierten für die "
            "Umsetzung gleich sammeln.",
        ),
    ],
    "buergerforum_bilanz": [
        L(
            "Zwischenbilanz: Auch offen sagen, was nicht klappt",
            "Beim Bürgerforum haben wir nicht nur Erfolge gezeigt, sondern auch Maßnahmen, die sich verzögern oder "
            "teurer werden. Die Reaktionen waren überwiegend verständnisvoll; viele Nachfragen betrafen den "
            "Zeitplan.\n\n"
            "Die Infostände waren unterschiedlich gut besucht; Mobilität und Digitale Verwaltung waren umlagert, "
            "andere Stände blieben leer.\n\n"
            "Unser Rat: Ehrlich berichten, Statusberichte verständlich zusammenfassen und die Projektverantwortlichen "
            "selbst sprechen lassen.",
        ),
        L(
            "Hybrides Bürgerforum: Eine Person nur für den Chat",
            "Das Bürgerforum lief erstmals hybrid. Online haben fast so viele Menschen teilgenommen wie vor Ort, "
            "darunter viele, die abends nicht aus dem Haus können.\n\n"
            "Anfangs gingen die Fragen aus dem Chat unter. Erst als eine Person nur den Chat betreut und Fragen "
            "gebündelt eingebracht hat, lief es gut. Die Tonqualität im Saal war für den Stream ein Problem.\n\n"
            "Unser Rat: Technik vorher testen, Saalmikrofone für Wortmeldungen nutzen und eine eigene Moderation für "
            "die Online-Teilnehmenden einplanen.",
        ),
    ],
    "netzwerktreffen_herbst": [
        L(
            "Netzwerktreffen: Vom Marktplatz der Maßnahmen nehmen wir am meisten mit",
            "Beim Netzwerktreffen in Billerbeck haben wir am Marktplatz der Maßnahmen in kurzer Zeit viele konkrete "
            "Tipps bekommen – zu Ausschreibungen, Fördermitteln und Ansprechpartner*innen. Mehr als in jedem "
            "Vortrag.\n\n"
            "Unser Rat an andere Kommunen: Zum Netzwerktreffen eine Maßnahme mit offenen Fragen mitbringen und "
            "Kontakte gleich für ein Folgegespräch verabreden.",
            not_for=("billerbeck",),
        ),
    ],
    "exkursion_winterberg": [
        L(
            "Exkursion nach Winterberg: Sehen, wie es im Alltag läuft",
            "Auf der Exkursion nach Winterberg haben wir den Digitalen Dorfplatz im Betrieb gesehen und mit den "
            "Ehrenamtlichen gesprochen. Das hat uns mehr überzeugt als jede Präsentation; die Idee steht jetzt in "
            "unserem Maßnahmenkatalog.\n\n"
            "Unser Rat: Zu Exkursionen auch Vertreter*innen aus Politik und Vereinen mitnehmen – sie tragen die Idee "
            "anschließend weiter.",
            not_for=("winterberg",),
        ),
    ],
    "webinar_lorawan": [
        L(
            "Webinar LoRaWAN: Checkliste für Gateway-Standorte übernommen",
            "Aus dem Webinar des Netzwerks haben wir die Checkliste für Gateway-Standorte übernommen und damit in "
            "wenigen Wochen geeignete Dächer gefunden. Die Erfahrungen aus Münster und Unna haben uns Fehler "
            "erspart.\n\n"
            "Unser Rat: Vor der Ausschreibung mit Kommunen sprechen, die ihr Netz schon betreiben.",
            not_for=("muenster", "unna"),
        ),
    ],
}

# Lessons about the strategy process itself (no measure, no format).
PROCESS_LESSONS: list[LessonText] = [
    L(
        "Lenkungsgruppe: Die Verwaltungsspitze muss am Tisch sitzen",
        "Seit die Bürgermeisterin bzw. der Bürgermeister die Lenkungsgruppe selbst leitet, werden Entscheidungen "
        "schneller getroffen und von den Fachbereichen mitgetragen. Vorher wurden Fragen zwischen den Ämtern hin und "
        "her geschoben.\n\n"
        "Unser Rat: Die Lenkungsgruppe klein halten, feste Termine für ein Jahr im Voraus vereinbaren und jede "
        "Sitzung mit klaren Beschlüssen beenden.",
        phase=1,
    ),
    L(
        "Reifegrad-Check: Ehrliche Einschätzung statt Schönfärberei",
        "Der Reifegrad-Check war ein guter Anlass, mit allen Fachbereichen über den Stand der Digitalisierung zu "
        "sprechen. Am meisten gebracht hat er, als wir Bewertungen nicht geschönt, sondern Lücken offen benannt "
        "haben.\n\n"
        "Unser Rat: Den Check gemeinsam im Team ausfüllen, nicht von einer Person, und die Kommentare ernst nehmen – "
        "sie sind oft wertvoller als die Punktzahl.",
        phase=2,
    ),
    L(
        "Beteiligung: Dorthin gehen, wo die Menschen sind",
        "Zu Veranstaltungen im Rathaus kommen meist dieselben Menschen. Mehr und andere Stimmen haben wir auf dem "
        "Wochenmarkt, beim Schützenfest und in den Schulen gesammelt – mit einem Stand, Postkarten und einem "
        "Tablet.\n\n"
        "Unser Rat: Beteiligung in den Ortsteilen und bei bestehenden Veranstaltungen anbieten und Online-Umfragen "
        "immer mit Papierbögen ergänzen.",
        phase=2,
    ),
    L(
        "Leitbild: Kurz, konkret und in der Sprache der Bürger*innen",
        "Der erste Entwurf unseres Leitbilds war voller Fachbegriffe. Erst als wir ihn mit Bürger*innen gelesen und "
        "umgeschrieben haben, wurde er verständlich – und im Ausschuss ohne lange Debatte angenommen.\n\n"
        "Unser Rat: Das Leitbild auf eine Seite begrenzen und für jedes Handlungsfeld einen Satz formulieren, den man "
        "auf dem Wochenmarkt erklären kann.",
        phase=3,
    ),
    L(
        "Fördermittel: Eigenanteil und Betriebskosten von Anfang an mitplanen",
        "Mehrere Maßnahmen standen auf der Kippe, weil zwar die Förderung bewilligt, der Eigenanteil aber nicht im "
        "Haushalt eingeplant war. Noch häufiger fehlte eine Antwort auf die Frage, wer die Betriebskosten nach der "
        "Förderphase trägt.\n\n"
        "Unser Rat: In jeden Maßnahmensteckbrief Eigenanteil und jährliche Betriebskosten schreiben und die Kämmerei "
        "früh einbinden.",
        phase=4,
    ),
    L(
        "Ratsbeschluss: Den Maßnahmenkatalog als Paket vorlegen",
        "Wir haben dem Rat den Maßnahmenkatalog als Paket mit Prioritäten vorgelegt statt jede Maßnahme einzeln. Das "
        "hat die Diskussion auf die Richtung gelenkt und viele Einzeldebatten erspart.\n\n"
        "Unser Rat: Den Katalog vorab in den Fraktionen vorstellen und für jede Maßnahme Kosten und Nutzen auf einer "
        "Seite zusammenfassen.",
        phase=6,
    ),
    L(
        "Verstetigung: Wer betreibt es, wenn die Förderung endet?",
        "Beim Übergang in den Regelbetrieb zeigte sich, welche Maßnahmen von Anfang an eine verantwortliche Stelle "
        "hatten. Wo das fehlte, mussten wir Zuständigkeiten mühsam nachverhandeln.\n\n"
        "Unser Rat: Schon beim Start festlegen, welcher Fachbereich die Maßnahme nach der Pilotphase übernimmt.",
        phase=7,
    ),
]

# Internal notes (not public): candid, about a measure of the town.
INTERNAL_LESSONS: list[LessonText] = [
    L(
        "Intern: Leistungsbeschreibung für „{measure}“ war zu eng gefasst",
        "Die erste Ausschreibung brachte nur ein Angebot, das deutlich über dem Budget lag. Die Leistungsbeschreibung "
        "hatte zu viele technische Details vorgegeben. Für die zweite Runde haben wir funktional ausgeschrieben und "
        "vorab eine Markterkundung gemacht.\n\n"
        "Nur für den internen Gebrauch: Die Vergabestelle wünscht sich, bei künftigen IT-Vergaben von Anfang an "
        "beteiligt zu werden.",
    ),
    L(
        "Intern: Projektleitung für „{measure}“ nicht neben dem Tagesgeschäft",
        "Die Projektleitung lag bei einer Kollegin, die die Aufgabe zusätzlich zu ihrer Stelle übernommen hatte. Nach "
        "sechs Monaten lagen wir deutlich hinter dem Zeitplan. Die Lenkungsgruppe hat inzwischen zehn Wochenstunden "
        "freigestellt.\n\n"
        "Für künftige Maßnahmen: Personalaufwand im Steckbrief realistisch schätzen und vor dem Start freistellen.",
        started=True,
    ),
    L(
        "Intern: Personalrat bei „{measure}“ früher einbinden",
        "Weil Arbeitsabläufe sich ändern, ist eine Dienstvereinbarung nötig. Wir haben den Personalrat erst nach der "
        "Auftragsvergabe informiert; das hat Vertrauen gekostet und den Start um zwei Monate verschoben.\n\n"
        "Merkposten für die Lenkungsgruppe: Bei Maßnahmen mit Auswirkungen auf Arbeitsplätze den Personalrat schon "
        "bei der Planung beteiligen.",
    ),
    L(
        "Intern: Kostensteigerung bei „{measure}“ rechtzeitig melden",
        "Die Kosten sind gegenüber der Planung um etwa ein Viertel gestiegen (Hardware, Tiefbau). Wir haben das zu "
        "spät an die Lenkungsgruppe gemeldet; die Kämmerei musste kurzfristig umschichten.\n\n"
        "Verabredung: Abweichungen über zehn Prozent sofort im Statusbericht mit Ampel Gelb melden.",
        started=True,
    ),
    L(
        "Intern: Datenschutz-Folgenabschätzung für „{measure}“ früh einplanen",
        "Die Datenschutz-Folgenabschätzung wurde erst kurz vor dem Start erstellt und hat Änderungen am Konzept "
        "ausgelöst. Der Datenschutzbeauftragte bittet, künftig schon bei der Leistungsbeschreibung beteiligt zu "
        "werden.",
    ),
]

# The internal note of a town without an unpublished measure in the works.
INTERNAL_GENERAL = L(
    "Intern: Zeitplan der Lenkungsgruppe realistischer planen",
    "Die Meilensteine der laufenden Phase waren zu knapp geplant: Urlaubszeiten, Haushaltsberatungen und die "
    "Sitzungstermine des Rates haben wir nicht berücksichtigt. Für die nächste Phase planen wir mit Puffer und "
    "stimmen den Zeitplan mit dem Sitzungskalender ab.",
)
