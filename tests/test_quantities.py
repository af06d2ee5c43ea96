"""Figures read as intervals: parametrized tables of real sentences from the seed and dev stories."""

from __future__ import annotations

import pytest

from checker.quantities import find_quantities, find_zero_figures

INF = None


@pytest.mark.parametrize(
    ("text", "surface", "low", "high", "qualifier", "unit"),
    [
        ("SDF spokesman Talal Selo told Reuters that “no more than 200-300” foreign militants remained",
         "no more than 200-300", INF, 300, "upper_bound", None),
        ("the coalition estimated that about 300-400 fighters were still holed up", "about 300-400", 300, 400,
         "approximate", None),
        ("Selo said 275 Syrian militants left along with their family members.", "275", 275, 275, "exact", None),
        ("The group killed dozens of captured Syrian soldiers there", "dozens", 24, 199, "vague", None),
        ("after militants killed more than 130 people in Paris", "more than 130", 130, INF, "lower_bound", None),
        ("and at least 41 people were killed, the disaster agency AFAD said", "at least 41", 41, INF,
         "lower_bound", None),
        ("and nearly 2,000 families have left their homes", "nearly 2,000", 1800, 2000, "approximate", None),
        ("Turnout was 61.2 percent, up from the previous election.", "61.2 percent", 61.2, 61.2, "exact", "percent"),
        ("Turnout of about 61% was the highest", "about 61%", 61, 61, "approximate", "percent"),
        ("the operator said fewer than half had joined the strike", "fewer than half", INF, 50, "upper_bound",
         "percent"),
        ("Veltra's revenue came in at €1.1bn (1.2bn dollars)", "€1.1bn", 1.1e9, 1.1e9, "exact", "EUR"),
        ("revenue of 1.1 billion euros ($1.2 billion) on Thursday", "1.1 billion euros", 1.1e9, 1.1e9, "exact", "EUR"),
        ("Veltra expects full-year revenue of 4.3 billion to 4.5 billion euros", "4.3 billion to 4.5 billion euros",
         4.3e9, 4.5e9, "range", "EUR"),
        ("an interim dividend of 45 euro cents a share", "45 euro cents", 0.45, 0.45, "exact", "EUR"),
        ("Dhaka has set aside 12m dollars for relief", "12m dollars", 12e6, 12e6, "exact", "USD"),
        # currency names from ISO 4217 (pycountry), and the English "crowns" for kroner and kronor
        ("Earnings dropped to 421 million Norwegian crowns.", "421 million Norwegian crowns", 421e6, 421e6, "exact",
         "NOK"),
        ("The ticket cost 500 Mexican pesos.", "500 Mexican pesos", 500, 500, "exact", "MXN"),
        ("approved a $480 million budget for a new football stadium", "$480 million", 480e6, 480e6, "exact", "USD"),
        ("Seventy-five schools have been closed", "Seventy-five", 75, 75, "exact", None),
        ("made contact with twenty-one miners trapped", "twenty-one", 21, 21, "exact", None),
        ("killing about two dozen people, six of them children", "about two dozen", 24, 24, "approximate", None),
        ("Construction of two hundred and seventy-five homes", "two hundred and seventy-five", 275, 275, "exact", None),
        ("a rescue fund of half a million", "half a million", 5e5, 5e5, "exact", None),
        ("The miners are trapped some 400 metres below the surface", "some 400 metres", 400, 400, "approximate",
         "metre"),
        ("The 2,100 kg satellite, built in Italy", "2,100 kg", 2100, 2100, "exact", "kilogram"),
        ("The satellite weighs about 2.1 tonnes", "about 2.1 tonnes", 2100, 2100, "approximate", "kilogram"),
        ("a polar orbit about 820 km above the Earth", "about 820 km", 820e3, 820e3, "approximate", "metre"),
        ("About one in eight patients on the drug had brain swelling", "About one in eight", 12.5, 12.5,
         "approximate", "percent"),
        ("The number is between 200 and 300.", "between 200 and 300", 200, 300, "range", None),
        ("a third of the 900 staff", "a third of the 900", 300, 300, "exact", None),
        # a fraction in words, not taken of a figure, is a share
        ("The spring rains came in at about a third below normal", "about a third", 100 / 3, 100 / 3, "approximate",
         "percent"),
        ("The glaciers had lost around a fifth of their ice", "around a fifth", 20, 20, "approximate", "percent"),
        ("Two-thirds of the members voted to strike", "Two-thirds", 200 / 3, 200 / 3, "exact", "percent"),
        ("The stock jumped 6.5% on the day.", "6.5%", 6.5, 6.5, "exact", "percent"),
        ("Donors pledged half a million dollars for relief.", "half a million dollars", 5e5, 5e5, "exact", "USD"),
        ("Donors pledged a quarter million US dollars.", "a quarter million US dollars", 2.5e5, 2.5e5, "exact", "USD"),
        ("The fund lost 75 USD million last year.", "75 USD million", 75e6, 75e6, "exact", "USD"),
        ("The client expects revenue of 120 MEUR.", "120 MEUR", 120e6, 120e6, "exact", "EUR"),
        ("The loan of 12,34,567 rupees was repaid.", "12,34,567 rupees", 1234567, 1234567, "exact", "INR"),
        ("A ticket cost 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, 3.5, "exact", "USD"),
        ("A ticket cost 15 dollars 50.", "15 dollars 50", 15.5, 15.5, "exact", "USD"),
        ("The suspect is 5 feet 2 inches tall.", "5 feet 2 inches", 1.5748, 1.5748, "exact", "metre"),
        ("The talks lasted 2 hours and 30 minutes.", "2 hours and 30 minutes", 9000, 9000, "exact", "second"),
        ("Households earning 2,000 or more a month", "2,000 or more", 2000, INF, "lower_bound", None),
        ("The economy grew two point five percent.", "two point five percent", 2.5, 2.5, "exact", "percent"),
        ("Salaries range 5k-20k a year.", "5k-20k", 5000, 20000, "range", None),
        ("Sales were greater than 30 and less than or equal to 40.", "greater than 30 and less than or equal to 40",
         30, 40, "range", None),
        ("Estimates ran from 200 to 3000000 in all.", "200 to 3000000", 200, 3e6, "range", None),
        ("The plant covers 24,703m2 of land.", "24,703m2", 2.4703, 2.4703, "exact", "hectare"),
        ("Patients were given between 44 mg and 50 mg a day.", "between 44 mg and 50 mg", 44e-6, 50e-6, "range",
         "kilogram"),
        ("Temperatures ranged from -18 °C to -34 °C overnight.", "-18 °C to -34 °C", -34, -18, "range", "degree"),
        ("The scores were between ten and fifteen.", "between ten and fifteen", 10, 15, "range", None),
        ("Its economy is worth $2.174T a year.", "$2.174T", 2.174e12, 2.174e12, "exact", "USD"),
        ("Readings stayed <-30 all night.", "<-30", None, -30, "upper_bound", None),
        ("Add ½ teaspoon of salt.", "½ teaspoon", 0.0025, 0.0025, "exact", "litre"),
        ("Some two and a half million people fled.", "Some two and a half million", 2.5e6, 2.5e6, "approximate", None),
        ("The population is 3 million and a half.", "3 million and a half", 3.5e6, 3.5e6, "exact", None),
        ("They gave 3 hundred and 21 yuan.", "3 hundred and 21 yuan", 321, 321, "exact", "CNY"),
        ("Reserves of 10 bln were reported.", "10 bln", 1e10, 1e10, "exact", None),
        ("The reading was nine point nought four.", "nine point nought four", 9.04, 9.04, "exact", None),
        ("The budget sets aside Rs 1.5 lakh crore for roads.", "Rs 1.5 lakh crore", 1.5e12, 1.5e12, "exact", "INR"),
        ("The revenue target is US$ 1MM this year.", "US$ 1MM", 1e6, 1e6, "exact", "USD"),
        ("Fix it with a 5mm screw.", "5mm", 0.005, 0.005, "exact", "metre"),
        ("The risk is 1 in twenty-one for smokers.", "1 in twenty-one", 100 / 21, 100 / 21, "exact", "percent"),
        ("The jet dropped a 2,000-pound bomb.", "2,000-pound", 907.2, 907.2, "exact", "kilogram"),
        ("The boxer weighs 300 pounds.", "300 pounds", 136.08, 136.08, "exact", "kilogram"),
        ("He paid 300 pounds for the ticket.", "300 pounds", 300, 300, "exact", "GBP"),
        ("The 1,200-megawatt project won the auction.", "1,200-megawatt", 1.2e9, 1.2e9, "exact", "watt"),
        ("Operating profit came in at NOK 412 million.", "NOK 412 million", 4.12e8, 4.12e8, "exact", "NOK"),
        ("It dropped to 421 million NOK.", "421 million NOK", 4.21e8, 4.21e8, "exact", "NOK"),
        ("The fund paid SEK 3bn in claims.", "SEK 3bn", 3e9, 3e9, "exact", "SEK"),
        ("THE 5 CARS WERE TOWED.", "5", 5, 5, "exact", None),  # capitals, but not a currency
        ("ALL 5 solutions are wrong.", "5", 5, 5, "exact", None),  # a sentence's first word, not the lek
        # a vague amount times the scale word after it
        ("A few dozen protesters stayed.", "A few dozen", 24, 108, "vague", None),
        ("Hundreds of millions of people watched.", "Hundreds of millions", 2e8, 9.99e8, "vague", None),
        ("Several million euros were lost.", "Several million euros", 3e6, 9e6, "vague", "EUR"),
        ("The march covered a few kilometres.", "a few kilometres", 2000, 9000, "vague", "metre"),
        ("The glaciers lost roughly 14 cubic kilometres of ice.", "roughly 14 cubic kilometres", 14e12, 14e12,
         "approximate", "litre"),
        ("The tank holds 40m3 of water.", "40m3", 40000, 40000, "exact", "litre"),
        # a verb that says a figure was passed bounds it, and denied bounds it from the other side
        ("Losses exceeded $2 billion.", "exceeded $2 billion", 2e9, INF, "lower_bound", "USD"),
        ("The crowd topped 50,000 by noon.", "topped 50,000", 50000, INF, "lower_bound", None),
        ("The number who entered does not exceed 30,000.", "not exceed 30,000", None, 30000, "upper_bound", None),
    ],
)
def test_quantities_read_interval(lexicon, text, surface, low, high, qualifier, unit):
    found = [f for f in find_quantities(text, lexicon.quantities) if text[f.start:f.end] == surface]
    assert found, [text[f.start:f.end] for f in find_quantities(text, lexicon.quantities)]
    q = found[0].quantity
    assert q.low == (pytest.approx(low) if low is not None else None)
    assert q.high == (pytest.approx(high) if high is not None else None)
    assert (q.qualifier, q.unit) == (qualifier, unit)
    assert q.text == surface


@pytest.mark.parametrize(
    "text",
    [
        "the 101st Airborne Division",
        "Reuters, Oct. 15",
        "one of the largest demonstrations",
        "the first big Syrian city",
        "call 555-123-4567 for details",
        "at 21:30 GMT on Tuesday",
        "Aurelia-2 lifted off",
        "captured the city in January 2014",
        "order part 24703L202 today",
        "output fell in 2013-14",
        "the meeting starts at 2 pm",
        "the value <>30 is invalid",
        "the fifty-fifth anniversary of the war",
        "in the twenty-first century",
        "a second later the roof fell",
    ],
)
def test_quantities_skip_what_is_not_a_figure(lexicon, text):
    from checker.dates import find_dates, find_times

    skip = [(d.start, d.end) for d in find_dates(text)] + find_times(text)
    assert [text[f.start:f.end] for f in find_quantities(text, lexicon.quantities, skip)] == []


@pytest.mark.parametrize(
    ("text", "score"),
    [("FC Ardenne beat Lysander United 2-1 at home", "2-1"), ("a 3-1 victory over Lysander United", "3-1")],
)
def test_quantities_read_scores(lexicon, text, score):
    (found,) = find_quantities(text, lexicon.quantities)
    assert found.score == score


@pytest.mark.parametrize("text", ["about \n 3,000", "nearly\t\t2,000"])
def test_quantities_qualifier_across_odd_spacing(lexicon, text):
    (found,) = find_quantities(text, lexicon.quantities)
    assert found.quantity.qualifier == "approximate" and text[found.start:found.end] == found.quantity.text


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("All of the men are alive and none is seriously hurt, the company said.", "none"),
        ("No one has died in the fire, officials said.", "No one"),
        ("No deaths have been reported, though two firefighters were treated for burns.", "No deaths"),
        ("Nobody was arrested during the march.", "Nobody"),
        ("None of the workers is seriously hurt, the company said.", "None"),
        ("Not a single person was hurt, police said.", "Not a single"),
        ("Not one civilian was killed in the raid.", "Not one"),
    ],
)
def test_quantities_zero_counts_of_a_measure(lexicon, text, surface):
    (found,) = find_zero_figures(text, lexicon.quantities, lexicon.measures, [])
    assert text[found.start:found.end] == surface
    assert (found.quantity.low, found.quantity.high) == (0, 0)


@pytest.mark.parametrize(
    "text",
    ["The company had no plans to reduce its workforce.", "None of that was true, she said.",
     "Police no longer count those killed in the clashes.", "There was no more than a handful of protesters.",
     "Nobody knows how many people died in the fire.", "Not one official knows how many died."],
)
def test_quantities_zero_words_without_a_measure_are_words(lexicon, text):
    assert find_zero_figures(text, lexicon.quantities, lexicon.measures, []) == []


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("Unemployment rose from 5% to 7% last year.", ["5%", "7%"]),
        ("The toll was revised from 19 to 21.", ["19", "21"]),
        ("It cost $3 million and 200 jobs were lost.", ["$3 million", "200"]),
        ("The result is 8 in 5.", ["8", "5"]),
    ],
)
def test_quantities_two_figures_stay_two(lexicon, text, surfaces):
    assert [text[f.start:f.end] for f in find_quantities(text, lexicon.quantities)] == surfaces


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The dose fell to three twenty-firsts.", "three twenty-firsts", 3 / 21),
        ("It weighed two and fifty-four hundredths grams.", "two and fifty-four hundredths grams", 2.54e-3),
        ("Only a hundredth survived.", "a hundredth", 0.01),
        ("The answer is minus one hundred thirty fifths.", "minus one hundred thirty fifths", -100 / 35),
        ("Nearly one hundred and thirty fifths were counted.", "Nearly one hundred and thirty fifths", 26),
        ("The odds were one over three.", "one over three", 1 / 3),
        ("The constant is 1.1^23 here.", "1.1^23", 1.1 ** 23),
    ],
)
def test_quantities_spelled_fractions_and_powers(lexicon, text, surface, value):
    found = {text[f.start:f.end]: f.quantity for f in find_quantities(text, lexicon.quantities)}
    assert surface in found, found
    assert found[surface].high == pytest.approx(value)


def test_quantities_a_month_spans_28_to_31_days(lexicon):
    from checker.kinds import _interval

    (months,) = find_quantities("They have two months to pay.", lexicon.quantities)
    (days,) = find_quantities("They must pay within 60 days.", lexicon.quantities)
    (weeks,) = find_quantities("They must pay within 10 weeks.", lexicon.quantities)
    (lo_m, hi_m), (lo_d, hi_d), (lo_w, _) = (_interval(q.quantity) for q in (months, days, weeks))
    assert lo_m <= lo_d <= hi_m  # 60 days is two months
    assert lo_w > hi_m  # 70 days is not


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("A third of the school's 900 pupils joined the march.", "A third of the school's 900", 300),
        ("Two-thirds of the 300 delegates backed it.", "Two-thirds of the 300", 200),
        ("Half of the 1,200 residents left.", "Half of the 1,200", 600),
    ],
)
def test_quantities_fraction_of_a_figure_is_one_count(lexicon, text, surface, value):
    found = find_quantities(text, lexicon.quantities)
    assert [(text[f.start:f.end], f.quantity.low, f.quantity.high) for f in found] == [(surface, value, value)]
